/**
 * `vneidPartner()`: the provider profile of the VNeID partner protocol (DOMAIN.md
 * dialect 5) — encrypted codes, enveloped token and userinfo bodies, no ID token.
 */
import { DinhDanhError } from '../errors';
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
import { checkMode } from './scheme';

/** Options of {@link vneidPartner}. */
export interface VneidPartnerOptions {
  /** The relying party's RSA private key: PEM (PKCS#1 or PKCS#8), bare base64 DER, or JWK. */
  readonly privateKey: PartnerPrivateKeyInput;
  /** AES mode of envelopes and encrypted codes: `ecb` (observed, default) or `cbc` (IV first). */
  readonly aesMode?: AesMode;
  /** Which responses arrive as `{"data","key"}` envelopes (default: both). Never guessed from the body. */
  readonly envelope?: { readonly token?: boolean; readonly userinfo?: boolean };
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

function parsePlain(body: string, kind: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's ${kind} response is not a JSON object (is an envelope expected? set envelope.${kind}).`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Builds the VNeID partner profile: state first, the `encrypt_key` decrypted only after
 * it, `client_secret_post`, envelopes opened as configured, identity from userinfo
 * (`vneid-partner` dialect, level from `accountLevel`); results have `source: 'userinfo'`.
 *
 * The relying party must use `clientAuth: { method: 'client_secret_post', clientSecret }`;
 * `createRelyingParty` refuses any other method with `config_invalid`.
 *
 * @param options - private key, AES mode, which responses are enveloped, static endpoints.
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
  const backend = options.backend ?? 'auto';
  const enveloped = {
    token: options.envelope?.token ?? true,
    userinfo: options.envelope?.userinfo ?? true,
  };
  const crypto = { privateKey, mode, backend } as const;
  const endpoints = checkEndpoints(options.endpoints);

  async function decodeCallback(params: ReadonlyMap<string, string>): Promise<DecodedCallback> {
    const code = params.get('code') ?? '';
    const encryptKey = params.get('encrypt_key');
    if (encryptKey === undefined) return { code };
    return {
      code: await decryptCode(code, encryptKey, crypto),
      tokenParams: { encrypt_key: encryptKey },
    };
  }

  async function decodeBody(
    body: string,
    kind: 'token' | 'userinfo',
  ): Promise<Record<string, unknown>> {
    if (!enveloped[kind]) return parsePlain(body, kind);
    const opened = await openEnvelope(body, {
      ...crypto,
      ...(kind === 'token' ? { require: ['access_token'] } : {}),
    });
    return opened;
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
        ...(endpoints === undefined ? {} : { endpoints }),
      },
    },
    options.profile,
  );
}
