/**
 * `vneidPartner()`: the provider profile of the VNeID partner protocol (DOMAIN.md
 * dialect 5) — encrypted codes, enveloped token and userinfo bodies, no ID token.
 */
import { DinhDanhError } from '../errors';
import { providerJsonObject } from '../http/json';
import type {
  DecodedCallback,
  ProviderProfile,
  ProviderProfileOverrides,
  StaticEndpoints,
} from '../providers/profile';
import { buildProfile, COMMON_ACR } from '../providers/profile';
import type { AesMode, PartnerCryptoBackendChoice } from './backend/types';
import { decryptCode } from './code';
import { openEnvelope } from './envelope';
import { importPartnerPrivateKey } from './keys';
import type { PartnerPrivateKeyInput } from './keys';
import { MAX_ENVELOPE_CHARS } from './limits';
import { checkMode, codeModes } from './scheme';

/** How one kind of answer is read: see {@link VneidPartnerOptions.envelope}. */
export type EnvelopeSetting = 'auto' | 'sealed' | 'plain' | boolean;

/** Largest token answer read over HTTP, plain or sealed (bytes). */
export const MAX_TOKEN_ANSWER_BYTES = 256 * 1024;

/** Largest userinfo answer read over HTTP, plain or sealed: room for a sealed portrait (bytes). */
export const MAX_USERINFO_ANSWER_BYTES = MAX_ENVELOPE_CHARS;

/** Options of {@link vneidPartner}. */
export interface VneidPartnerOptions {
  /** The relying party's RSA private key: PEM (PKCS#1 or PKCS#8), bare base64 DER, or JWK. */
  readonly privateKey: PartnerPrivateKeyInput;
  /** AES mode of envelopes: `ecb` (observed, default) or `cbc` (IV first). */
  readonly aesMode?: AesMode;
  /**
   * AES mode of the encrypted authorization code, decided apart from the bodies' mode:
   * `auto` (default: ECB, then CBC; the first that yields a well-formed code), `ecb` or `cbc`.
   */
  readonly codeAesMode?: AesMode | 'auto';
  /**
   * How the token and userinfo answers are read, per answer (default `auto` for both):
   * `auto` opens a JSON object whose `data` and `key` are both strings as an envelope (any
   * failure is `envelope_invalid`, never read as plain) and reads any other JSON object as
   * plain; `sealed` (or `true`) requires an envelope; `plain` (or `false`) refuses one.
   */
  readonly envelope?: {
    readonly token?: EnvelopeSetting;
    readonly userinfo?: EnvelopeSetting;
  };
  /** Crypto implementation; `auto` (default) probes the runtime. */
  readonly backend?: PartnerCryptoBackendChoice;
  /**
   * The endpoints from the provider's integration document, when it publishes no discovery
   * document: discovery is then skipped. Each must be on the issuer's origin over https
   * (http only for localhost); `createRelyingParty` refuses others with `config_invalid`.
   */
  readonly endpoints?: StaticEndpoints;
  /** Profile fields to replace (`id`, `scopes`, `acr`, ...). */
  readonly profile?: Omit<ProviderProfileOverrides, 'protocol' | 'dialect'>;
}

function checkEndpoints(
  value: Partial<Record<keyof StaticEndpoints, unknown>> | null | undefined,
): StaticEndpoints | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.authorization !== 'string' ||
    typeof value.token !== 'string' ||
    typeof value.userinfo !== 'string'
  ) {
    throw new DinhDanhError(
      'config_invalid',
      'vneidPartner: endpoints must be { authorization, token, userinfo }, three absolute URLs on the issuer (or leave it out to use discovery).',
      { path: 'endpoints' },
    );
  }
  return Object.freeze({
    authorization: value.authorization,
    token: value.token,
    userinfo: value.userinfo,
  });
}

function checkSetting(value: unknown, kind: 'token' | 'userinfo'): 'auto' | 'sealed' | 'plain' {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === true || value === 'sealed') return 'sealed';
  if (value === false || value === 'plain') return 'plain';
  throw new DinhDanhError(
    'config_invalid',
    `envelope.${kind} must be "auto", "sealed" or "plain".`,
    {
      path: `envelope.${kind}`,
    },
  );
}

/** The envelope's shape: both members strings. Nothing else is ever opened. */
function isEnvelope(json: Record<string, unknown>): boolean {
  return typeof json.data === 'string' && typeof json.key === 'string';
}

/**
 * Builds the VNeID partner profile: state first, the `encrypt_key` decrypted only after
 * it, `client_secret_post`, envelopes opened as configured (by default whenever the answer
 * is one), identity from userinfo
 * (`vneid-partner` dialect, level from `accountLevel`); results have `source: 'userinfo'`.
 *
 * The relying party must use `clientAuth: { method: 'client_secret_post', clientSecret }`;
 * `createRelyingParty` refuses any other method with `config_invalid`.
 *
 * @param options - private key, AES modes (bodies, code), how answers are read, static endpoints.
 * @returns the profile to pass as `provider` to `createRelyingParty`.
 * @throws DinhDanhError `config_invalid` for a key of the wrong type or size, a bad mode, or malformed endpoints.
 * @example
 * ```ts
 * import { vneidPartner } from '@dinhdanh/core/vneid-partner';
 * const rp = createRelyingParty({
 *   issuer: 'https://sso.vneid.example',
 *   clientId: 'bank-portal',
 *   redirectUri: 'https://bank.example.vn/auth/callback',
 *   clientAuth: { method: 'client_secret_post', clientSecret: process.env.VNEID_SECRET! },
 *   provider: vneidPartner({
 *     privateKey: process.env.VNEID_RP_KEY_PEM!,
 *     // from the integration document; omit to use discovery
 *     endpoints: {
 *       authorization: 'https://sso.vneid.example/authorize',
 *       token: 'https://sso.vneid.example/token',
 *       userinfo: 'https://sso.vneid.example/userinfo',
 *     },
 *   }),
 * });
 * ```
 */
export function vneidPartner(options: VneidPartnerOptions): ProviderProfile {
  if (typeof options !== 'object' || options === null) {
    throw new DinhDanhError('config_invalid', 'Pass vneidPartner({ privateKey, ... }).');
  }
  const privateKey = importPartnerPrivateKey(options.privateKey);
  const mode = checkMode(options.aesMode ?? 'ecb');
  const codeMode = options.codeAesMode ?? 'auto';
  codeModes(codeMode);
  const backend = options.backend ?? 'auto';
  const settings = {
    token: checkSetting(options.envelope?.token, 'token'),
    userinfo: checkSetting(options.envelope?.userinfo, 'userinfo'),
  };
  const crypto = { privateKey, mode, backend } as const;
  const endpoints = checkEndpoints(options.endpoints);

  async function decodeCallback(params: ReadonlyMap<string, string>): Promise<DecodedCallback> {
    const code = params.get('code') ?? '';
    const encryptKey = params.get('encrypt_key');
    if (encryptKey === undefined) return { code };
    return {
      code: await decryptCode(code, encryptKey, { ...crypto, mode: codeMode }),
      tokenParams: { encrypt_key: encryptKey },
    };
  }

  async function decodeBody(
    body: string,
    kind: 'token' | 'userinfo',
  ): Promise<Record<string, unknown>> {
    const setting = settings[kind];
    if (setting === 'sealed') {
      // No fallback: whatever is not an envelope that opens is envelope_invalid.
      return openEnvelope(body, {
        ...crypto,
        ...(kind === 'token' ? { require: ['access_token'] } : {}),
      });
    }
    const json = providerJsonObject(body, kind);
    if (!isEnvelope(json)) return json;
    if (setting === 'plain') {
      throw new DinhDanhError(
        'provider_response_invalid',
        `The provider sealed its ${kind} response but envelope.${kind} is "plain"; set it to "auto".`,
        { path: `envelope.${kind}` },
      );
    }
    return openEnvelope(json, {
      ...crypto,
      ...(kind === 'token' ? { require: ['access_token'] } : {}),
    });
  }

  return buildProfile(
    {
      id: 'vneid',
      dialect: 'vneid-partner',
      acr: COMMON_ACR,
      acrValues: {},
      scopes: ['openid'],
      attributeScopes: {},
      defaultLevel: 1,
      userinfo: 'always',
      protocol: {
        identitySource: 'userinfo',
        tokenAuth: 'client_secret_post',
        decodeCallback,
        decodeBody,
        maxBodyBytes: { token: MAX_TOKEN_ANSWER_BYTES, userinfo: MAX_USERINFO_ANSWER_BYTES },
        levelClaim: 'accountLevel',
        ...(endpoints === undefined ? {} : { endpoints }),
      },
    },
    options.profile,
  );
}
