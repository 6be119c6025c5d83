/**
 * The provider's signing keys and their rotation.
 *
 * The JWKS always publishes the current key AND the next one. `rotate()` promotes the
 * already-published next key to current, so relying parties that cached the JWKS before
 * the rotation already know the new signing key (they refetch a JWKS at most about once a
 * minute). The old key stays published for `graceSeconds` so tokens it signed still verify.
 */
import type { JWK } from 'jose';
import type { SigningAlg } from '../options';
import { generateSigningKey, type SigningKey } from './signing-key';

interface RetiredKey {
  readonly key: SigningKey;
  readonly until: number;
}

/** Signing keys: current, next (published, not yet used), retired (published until grace ends). */
export class Keyring {
  private current!: SigningKey;
  private next!: SigningKey;
  private retired: RetiredKey[] = [];
  private unpublished: SigningKey | undefined;

  private constructor(
    private readonly alg: SigningAlg,
    private readonly graceSeconds: number,
  ) {}

  /** Create a keyring with a current and a next key. */
  static async create(alg: SigningAlg, graceSeconds: number): Promise<Keyring> {
    const ring = new Keyring(alg, graceSeconds);
    [ring.current, ring.next] = await Promise.all([
      generateSigningKey(alg),
      generateSigningKey(alg),
    ]);
    return ring;
  }

  /** The key that signs now. */
  get signingKey(): SigningKey {
    return this.current;
  }

  /** A key that is NOT published (for the `id_token_unknown_kid` fault). */
  async unpublishedKey(): Promise<SigningKey> {
    this.unpublished ??= await generateSigningKey(this.alg);
    return this.unpublished;
  }

  /** Every published key (current, next, retired in grace), for verifying our own tokens. */
  publishedKeys(now: number): SigningKey[] {
    this.retired = this.retired.filter((r) => r.until > now);
    return [this.current, this.next, ...this.retired.map((r) => r.key)];
  }

  /** The public JWK Set. */
  jwks(now: number): { keys: JWK[] } {
    return { keys: this.publishedKeys(now).map((k) => k.publicJwk) };
  }

  /** Rotate: next → current (already published), a new next, the old current kept for the grace period. */
  async rotate(now: number): Promise<{ previousKid: string; currentKid: string; nextKid: string }> {
    const fresh = await generateSigningKey(this.alg);
    const previous = this.current;
    this.retired.push({ key: previous, until: now + this.graceSeconds * 1000 });
    this.current = this.next;
    this.next = fresh;
    return { previousKid: previous.kid, currentKid: this.current.kid, nextKid: this.next.kid };
  }
}
