/**
 * The relying party's configuration, validated at the edge with messages that say what
 * to fix. Types are inferred from the schema.
 */
import * as z from 'zod/mini';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isSecureOrLocal(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

const secureUrl = (what: string) =>
  z.string({ error: `Set ${what} to an absolute https: URL.` }).check(
    z.refine(isSecureOrLocal, {
      error: `${what} must be an absolute https: URL (http: is allowed only for localhost and 127.0.0.1).`,
    }),
  );

/** A private JSON Web Key with the `kid` the provider knows it by. */
export const privateJwkSchema = z.looseObject(
  {
    kty: z.enum(['EC', 'RSA', 'OKP'], {
      error: 'The private key must be an EC (P-256), RSA (2048+) or OKP (Ed25519) JWK.',
    }),
    kid: z
      .string({
        error: 'Give the private key a "kid" (the key id registered with the provider).',
      })
      .check(z.minLength(1, 'Give the private key a non-empty "kid".')),
    d: z.string({ error: 'The key has no private part ("d"): give the private JWK.' }),
    alg: z.optional(
      z.enum(['ES256', 'PS256', 'EdDSA', 'RS256', 'RSA-OAEP', 'RSA-OAEP-256', 'ECDH-ES']),
    ),
  },
  { error: 'Give the private key as a JWK object (kty, kid, d, ...).' },
);

const privateKeyJwt = z.object({
  method: z.literal('private_key_jwt'),
  privateKey: privateJwkSchema,
});

const clientSecret = z.string({ error: 'Set clientAuth.clientSecret.' }).check(
  z.refine((secret) => new TextEncoder().encode(secret).byteLength >= 32, {
    error:
      'clientAuth.clientSecret is shorter than 32 bytes: use the full secret the provider issued (or private_key_jwt).',
  }),
);

const clientSecretBasic = z.object({
  method: z.literal('client_secret_basic'),
  clientSecret,
});

/** The secret in the token request's form body (RFC 6749 §2.3.1): what the VNeID partner protocol uses. */
const clientSecretPost = z.object({
  method: z.literal('client_secret_post'),
  clientSecret,
});

/**
 * Client authentication: `private_key_jwt` (default in production), `client_secret_basic`
 * (development) or `client_secret_post` (providers that read the secret from the form
 * body only, such as the VNeID partner protocol).
 */
export const clientAuthSchema = z.discriminatedUnion(
  'method',
  [privateKeyJwt, clientSecretBasic, clientSecretPost],
  {
    error:
      'Set clientAuth to { method: "private_key_jwt", privateKey }, { method: "client_secret_basic", clientSecret } or { method: "client_secret_post", clientSecret }.',
  },
);

/** Schema of the relying party's options (everything but functions and the provider profile), with safe defaults. */
export const relyingPartyOptionsSchema = z.object({
  issuer: secureUrl('issuer'),
  clientId: z
    .string({ error: 'Set clientId to the client id the provider issued.' })
    .check(z.minLength(1, 'clientId is empty.')),
  redirectUri: secureUrl('redirectUri'),
  postLogoutRedirectUri: z.optional(secureUrl('postLogoutRedirectUri')),
  clientAuth: clientAuthSchema,
  /** `required`: fail when the provider does not offer PAR; `auto`: use it when offered. */
  par: z._default(z.enum(['auto', 'required', 'off']), 'auto'),
  /** Private keys to decrypt encrypted ID tokens / userinfo (JWE). */
  encryptionKeys: z._default(z.array(privateJwkSchema), []),
  /** Private key (JWK) for DPoP-bound tokens; omit for bearer tokens. */
  dpopKey: z.optional(privateJwkSchema),
  /** Signature algorithms accepted on tokens. `none` and HMAC are never accepted. */
  idTokenAlgorithms: z._default(
    z
      .array(
        z.enum([
          'ES256',
          'ES384',
          'PS256',
          'PS384',
          'PS512',
          'RS256',
          'RS384',
          'RS512',
          'EdDSA',
          'Ed25519',
        ]),
      )
      .check(z.minLength(1, 'idTokenAlgorithms must name at least one algorithm.')),
    ['ES256', 'PS256', 'EdDSA', 'Ed25519', 'RS256'],
  ),
  /** Clock tolerance in seconds for `exp`, `iat`, `nbf`, `auth_time`. */
  clockTolerance: z._default(z.int().check(z.gte(0), z.lte(300)), 30),
  /** How long a login transaction stays valid, seconds. */
  transactionMaxAge: z._default(z.int().check(z.positive(), z.lte(3600)), 600),
  /** Largest token accepted, bytes. */
  maxTokenBytes: z._default(z.int().check(z.positive()), 65_536),
  /** Local session length, seconds. */
  sessionMaxAge: z._default(z.int().check(z.positive()), 8 * 3600),
  /**
   * Longest wait for one request to the provider (discovery, JWKS, PAR, token, userinfo,
   * device authorization, the partner profile's calls), headers and body, milliseconds.
   * Past it the request is aborted: `provider_unreachable` (`jwks_failed` for keys,
   * `discovery_failed` for discovery) with the endpoint named in `path`.
   */
  httpTimeoutMs: z._default(z.int().check(z.gte(100), z.lte(120_000)), 5000),
  /** Discovery document cache TTL, seconds. */
  discoveryTtl: z._default(z.int().check(z.gte(0)), 3600),
  /** Discovery attempts before `discovery_failed`. */
  discoveryAttempts: z._default(z.int().check(z.gte(1), z.lte(10)), 3),
  /** First backoff delay between discovery attempts, ms (doubles each time). */
  discoveryBackoffMs: z._default(z.int().check(z.gte(0)), 200),
  /** JWKS cache TTL, seconds. */
  jwksTtl: z._default(z.int().check(z.gte(0)), 600),
  /** Minimum seconds between two JWKS refetches caused by an unknown `kid`. */
  jwksRefetchInterval: z._default(z.int().check(z.gte(0)), 30),
  /**
   * Seconds past `jwksTtl` during which cached keys still verify when every refresh fails
   * (provider outage); 0 fails closed at the TTL. Default one day.
   */
  jwksStaleGrace: z._default(z.int().check(z.gte(0)), 86_400),
  /**
   * Keep attributes the provider released without being asked (listed in the consent
   * record as `receivedNotRequested`). Off by default: minimisation (Decree 13/2023,
   * Law 91/2025) drops them before they reach the identity, the session or `onLogin`.
   */
  dangerouslyKeepUnrequestedAttributes: z._default(z.boolean(), false),
  /** Extra scopes always requested. */
  scopes: z._default(z.array(z.string().check(z.minLength(1))), []),
});

/** Validated options (defaults applied). */
export type RelyingPartyOptions = z.output<typeof relyingPartyOptionsSchema>;
/** Options as the caller writes them. */
export type RelyingPartyOptionsInput = z.input<typeof relyingPartyOptionsSchema>;
/** A private JWK as accepted in configuration. */
export type PrivateJwk = z.output<typeof privateJwkSchema>;
