/**
 * Internal: where a dialect reads a wire claim from. The ID token comes first and the
 * userinfo response fills what it lacks; for the standard dialect, OpenID Connect for
 * Identity Assurance `verified_claims` come before both. Every value carries its wire path
 * (`userinfo.NgayThangNamSinh`) so errors can name it without showing it.
 */
import { invalid } from '../fail';
import { isAbsent, isRecord, own } from '../text';

/** Where claims come from: the ID token's payload and/or the userinfo response. */
export interface ClaimSources {
  /** Claims of the verified ID token. */
  idToken?: Record<string, unknown>;
  /** The userinfo response (already decoded, and for signed userinfo already verified). */
  userinfo?: Record<string, unknown>;
}

/** One wire claim and where it was read. */
export interface WireClaim {
  readonly value: unknown;
  readonly path: string;
}

interface Layer {
  readonly record: Record<string, unknown>;
  readonly prefix: string;
}

const MAX_VERIFIED = 10;

/** The claims of a login, read by wire name, first layer wins. */
export class WireClaims {
  private constructor(private readonly layers: readonly Layer[]) {}

  /** The ID token then userinfo. Non-object sources are `claims_invalid`. */
  static of(sources: ClaimSources): WireClaims {
    const layers: Layer[] = [];
    for (const [prefix, record] of [
      ['id_token', sources.idToken],
      ['userinfo', sources.userinfo],
    ] as const) {
      if (record === undefined) continue;
      if (!isRecord(record)) return invalid(prefix, 'a JSON object of claims');
      layers.push({ record, prefix });
    }
    return new WireClaims(layers);
  }

  /** These claims with `verified_claims[].claims` of every source put in front. */
  withVerified(): WireClaims {
    const verified: Layer[] = [];
    for (const { record, prefix } of this.layers) {
      const raw = own(record, 'verified_claims');
      if (isAbsent(raw)) continue;
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length > MAX_VERIFIED) {
        return invalid(`${prefix}.verified_claims`, `at most ${MAX_VERIFIED} verified claim sets`);
      }
      list.forEach((entry, i) => {
        const at = Array.isArray(raw)
          ? `${prefix}.verified_claims[${i}]`
          : `${prefix}.verified_claims`;
        if (!isRecord(entry)) return invalid(at, 'a verified claims object');
        const verification = own(entry, 'verification');
        if (!isRecord(verification) || typeof own(verification, 'trust_framework') !== 'string') {
          return invalid(`${at}.verification`, 'an object with a trust_framework');
        }
        const claims = own(entry, 'claims');
        if (!isRecord(claims)) return invalid(`${at}.claims`, 'a JSON object of claims');
        verified.push({ record: claims, prefix: `${at}.claims` });
      });
    }
    return new WireClaims([...verified, ...this.layers]);
  }

  /**
   * The claims about the authentication itself (`acr`, `amr`, `auth_time`): the signed ID
   * token's alone when there is one, so userinfo cannot raise the level of a login.
   */
  authentication(): WireClaims {
    const token = this.layers.find((layer) => layer.prefix === 'id_token');
    return token === undefined ? this : new WireClaims([token]);
  }

  /** The first present value of a wire claim (absent: undefined, null or blank). */
  get(name: string): WireClaim | undefined {
    for (const { record, prefix } of this.layers) {
      const value = own(record, name);
      if (!isAbsent(value)) return { value, path: `${prefix}.${name}` };
    }
    return undefined;
  }

  /** Reads a claim with `read` (which throws at the claim's path) or returns undefined. */
  read<T>(name: string, read: (value: unknown, path: string) => T): T | undefined {
    const claim = this.get(name);
    return claim === undefined ? undefined : read(claim.value, claim.path);
  }

  /**
   * Where a missing claim is named: next to the first present claim of `near` (its
   * companions), else in the first source.
   */
  pathOf(name: string, near: readonly string[] = []): string {
    for (const other of near) {
      const claim = this.get(other);
      if (claim !== undefined) return `${claim.path.slice(0, -other.length)}${name}`;
    }
    return `${this.layers[0]?.prefix ?? 'claims'}.${name}`;
  }
}
