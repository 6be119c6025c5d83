/**
 * Options of {@link createMockIdp}: one validated document (the CLI's `--config` file has
 * the same shape, minus `now` and `fetch`). Validated with zod at the edge; everything
 * inside the mock trusts the inferred types.
 */
import type { JWK } from 'jose';
import { z } from 'zod';
import { personaInputSchema } from './personas/schema';
import { checkPartnerClient, partnerClientSchema } from './partner/options';
import { checkShareClient, shareClientSchema } from './share/options';

/** JWS algorithms the mock can sign with. ES256 is the default. */
export const signingAlgSchema = z.enum(['ES256', 'RS256', 'PS256', 'EdDSA']);
/** A JWS algorithm the mock can sign with. */
export type SigningAlg = z.infer<typeof signingAlgSchema>;

/** Claim dialects the mock can speak to a client (see helpers/DIALECTS.md). */
export const dialectSchema = z.enum(['standard', 'vneid-sso', 'dvcqg', 'postid', 'vneid-partner']);
/** A claim dialect. */
export type Dialect = z.infer<typeof dialectSchema>;

/** Client authentication methods at the token, PAR, revocation and device endpoints. */
export const clientAuthMethodSchema = z.enum([
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
  'none',
]);
/** A client authentication method. */
export type ClientAuthMethod = z.infer<typeof clientAuthMethodSchema>;

/** A public JWK (jose's `JWK` type); `kty` is required. */
const jwkSchema = z.custom<JWK>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { kty?: unknown }).kty === 'string',
  'a JWK needs a kty',
);

/** Signing keys among a client's JWKS (`use: "sig"` or no `use`). */
function signingKeys(jwks: { keys: JWK[] } | undefined): JWK[] {
  return (jwks?.keys ?? []).filter((k) => k.use === undefined || k.use === 'sig');
}

/**
 * A registered client (relying party). Names follow RFC 7591 metadata where one exists;
 * the RFC's own snake_case spellings are accepted too (`redirect_uris`, ...). Unknown
 * fields are refused: a misspelt name would otherwise silently weaken the client.
 */
export const clientSchema = z
  .strictObject({
    clientId: z.string().min(1),
    /** Needed for `client_secret_basic` / `client_secret_post`; at least 32 characters. */
    clientSecret: z.string().min(32, 'clientSecret must be at least 32 characters').optional(),
    /** Shown on the consent screen. */
    name: z.string().min(1).optional(),
    /**
     * Exact-match redirect URIs. A loopback IP literal (`http://127.0.0.1/...`,
     * `http://[::1]/...`) matches any port, per RFC 8252 §7.3.
     */
    redirectUris: z.array(z.url()).min(1),
    postLogoutRedirectUris: z.array(z.url()).default([]),
    /**
     * Default: the secret methods when a `clientSecret` is set, `private_key_jwt` when
     * `jwks` has a signing key.
     */
    authMethods: z.array(clientAuthMethodSchema).min(1).optional(),
    /** Public keys: `use: "sig"` (or no use) verify `private_key_jwt`; `use: "enc"` encrypt ID tokens. */
    jwks: z.object({ keys: z.array(jwkSchema) }).optional(),
    /** JWE key management for ID tokens when `jwks` has an encryption key. */
    idTokenEncryptedResponseAlg: z.enum(['ECDH-ES+A256KW', 'RSA-OAEP-256']).optional(),
    idTokenEncryptedResponseEnc: z.enum(['A256GCM', 'A128CBC-HS256']).default('A256GCM'),
    /** RFC 9126: refuse authorization requests that did not come through `/par`. */
    requirePushedAuthorizationRequests: z.boolean().default(false),
    dialect: dialectSchema.default('standard'),
    /**
     * `standard` dialect: put a level-2 persona's identity claims inside OpenID Connect for
     * Identity Assurance `verified_claims` (trust framework `vn_vneid`) instead of plain claims.
     */
    verifiedClaims: z.boolean().default(false),
    subjectType: z.enum(['public', 'pairwise']).default('public'),
    /** Issue the persona's lower `acr` instead of `unmet_authentication_requirements`. */
    allowLowerAcr: z.boolean().default(false),
    backchannelLogoutUri: z.url().optional(),
    backchannelLogoutSessionRequired: z.boolean().default(true),
    /** Purpose shown on the consent screen when the request carries none. */
    purpose: z.string().min(1).optional(),
    /** `vneid-partner` dialect switches (envelopes, encrypted codes); see README. */
    partner: partnerClientSchema.optional(),
    /** Share transactions: webhook URL and secret, lifetime; see README. */
    share: shareClientSchema.optional(),
  })
  .superRefine((client, ctx) => {
    checkPartnerClient(client, ctx);
    checkShareClient(client, ctx);
    const methods = client.authMethods ?? [];
    const needsSecret = methods.some((m) => m.startsWith('client_secret_'));
    if (needsSecret && client.clientSecret === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientSecret'],
        message: 'client_secret_basic/post need a clientSecret',
      });
    }
    if (methods.includes('private_key_jwt') && signingKeys(client.jwks).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['jwks'],
        message:
          'private_key_jwt needs the client\'s public signing key in jwks (use "sig" or no use): nothing could authenticate this client',
      });
    }
    const encryption = (client.jwks?.keys ?? []).filter((k) => k.use === 'enc');
    const alg = client.idTokenEncryptedResponseAlg;
    if (alg !== undefined) {
      const kty = alg === 'RSA-OAEP-256' ? ['RSA'] : ['EC', 'OKP'];
      if (!encryption.some((k) => kty.includes(k.kty ?? ''))) {
        ctx.addIssue({
          code: 'custom',
          path: ['idTokenEncryptedResponseAlg'],
          message: `${alg} needs a ${kty.join(' or ')} key with use "enc" in jwks: the client registered for encrypted ID tokens would get plain ones`,
        });
      }
    }
  })
  .transform((client) => ({
    ...client,
    authMethods:
      client.authMethods ??
      ([
        ...(client.clientSecret === undefined
          ? []
          : (['client_secret_basic', 'client_secret_post'] as const)),
        ...(signingKeys(client.jwks).length === 0 ? [] : (['private_key_jwt'] as const)),
      ] satisfies ClientAuthMethod[]),
  }))
  .refine((client) => client.authMethods.length > 0, {
    path: ['authMethods'],
    message:
      'the client has no way to authenticate: give a clientSecret, jwks or authMethods ["none"]',
  });
/** A registered client, as given in options (defaults not yet applied). */
export type MockClientInput = z.input<typeof clientSchema>;
/** A registered client, validated and with defaults applied. */
export type MockClient = z.output<typeof clientSchema>;

/**
 * RFC 7591 client metadata names accepted beside the camelCase ones
 * (`token_endpoint_auth_method: "private_key_jwt"` means `authMethods: ["private_key_jwt"]`).
 */
export const RFC7591_NAMES: Readonly<Record<string, string>> = {
  client_id: 'clientId',
  client_secret: 'clientSecret',
  client_name: 'name',
  redirect_uris: 'redirectUris',
  post_logout_redirect_uris: 'postLogoutRedirectUris',
  token_endpoint_auth_method: 'authMethods',
  id_token_encrypted_response_alg: 'idTokenEncryptedResponseAlg',
  id_token_encrypted_response_enc: 'idTokenEncryptedResponseEnc',
  require_pushed_authorization_requests: 'requirePushedAuthorizationRequests',
  subject_type: 'subjectType',
  backchannel_logout_uri: 'backchannelLogoutUri',
  backchannel_logout_session_required: 'backchannelLogoutSessionRequired',
};

/**
 * A client with RFC 7591 names rewritten to ours. A name given both ways is left as is, so
 * validation refuses the RFC spelling as an unknown field instead of picking one.
 */
export function withOurClientNames(client: unknown): unknown {
  if (typeof client !== 'object' || client === null || Array.isArray(client)) return client;
  const out: Record<string, unknown> = {};
  const input = client as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    const ours = Object.hasOwn(RFC7591_NAMES, key) ? RFC7591_NAMES[key] : undefined;
    if (ours === undefined || Object.hasOwn(input, ours)) out[key] = value;
    else out[ours] = key === 'token_endpoint_auth_method' ? [value] : value;
  }
  return out;
}

/** Token and code lifetimes, in seconds. */
export const lifetimesSchema = z.strictObject({
  authorizationCode: z.number().int().positive().default(60),
  idToken: z.number().int().positive().default(600),
  accessToken: z.number().int().positive().default(600),
  refreshToken: z.number().int().positive().default(86_400),
  deviceCode: z.number().int().positive().default(600),
  par: z.number().int().positive().default(60),
  interaction: z.number().int().positive().default(600),
  /** How long a rotated-out signing key stays published in the JWKS. */
  keyGrace: z.number().int().positive().default(3_600),
});
/** Token and code lifetimes, in seconds. */
export type Lifetimes = z.output<typeof lifetimesSchema>;

/**
 * The documented development client: works out of the box with the README's demo.
 * Never use its secret outside a laptop or CI.
 */
export const DEV_CLIENT = {
  clientId: 'dinhdanh-dev',
  clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
  name: 'dinhdanh dev app',
  redirectUris: [
    'http://127.0.0.1:3000/auth/callback',
    'http://localhost:3000/auth/callback',
    'http://127.0.0.1:3000/callback',
    'http://localhost:3000/callback',
  ],
  postLogoutRedirectUris: [
    'http://127.0.0.1:3000/',
    'http://localhost:3000/',
    'http://127.0.0.1:3000/auth/logged-out',
    'http://localhost:3000/auth/logged-out',
  ],
  authMethods: ['client_secret_basic', 'client_secret_post'],
} as const satisfies MockClientInput;

/** Options of {@link createMockIdp}. Unknown fields are refused at every level. */
export const mockIdpOptionsSchema = z.strictObject({
  /** The issuer URL (no trailing slash). Endpoints live under it. */
  issuer: z
    .url()
    .default('http://127.0.0.1:9400')
    .transform((s) => s.replace(/\/+$/, '')),
  /** Registered clients. Default: {@link DEV_CLIENT} only. */
  clients: z.array(clientSchema).default(() => [clientSchema.parse(DEV_CLIENT)]),
  /** Dialect of every client that does not name its own (the development client included). */
  dialect: dialectSchema.optional(),
  /** Extra personas, validated against core's identity schema; built-ins stay available. */
  personas: z.array(personaInputSchema).default([]),
  signingAlg: signingAlgSchema.default('ES256'),
  lifetimes: lifetimesSchema.default(() => lifetimesSchema.parse({})),
  /** Skip the picker and consent when `login_hint` names a persona (headless CI login). */
  autoApprove: z.boolean().default(false),
  /** Serve the admin API under `/__mock/`. The programmatic API works regardless. */
  admin: z.boolean().default(false),
  /** Default page language when the request has no `ui_locales`. */
  locale: z.enum(['vi', 'en']).default('vi'),
  /** Seconds between device-flow polls before `slow_down`. */
  devicePollInterval: z.number().int().positive().default(5),
  /** Injectable clock (milliseconds since epoch), so tests travel in time. */
  now: z.custom<() => number>((v) => typeof v === 'function').optional(),
  /** fetch used to deliver back-channel logout tokens (default: global fetch). */
  fetch: z.custom<(input: Request) => Promise<Response>>((v) => typeof v === 'function').optional(),
});
/** Options of {@link createMockIdp}, as given (every field optional). */
export type MockIdpOptions = z.input<typeof mockIdpOptionsSchema>;
/** Options after validation, with defaults applied. */
export type ResolvedMockIdpOptions = z.output<typeof mockIdpOptionsSchema>;

/** RFC 7591 client names rewritten to ours, and the top-level `dialect` given to every client without one. */
export function withClientDefaults(options: MockIdpOptions): MockIdpOptions {
  if (typeof options !== 'object' || options === null) return options; // let validation report it
  const { dialect } = options;
  const given = options.clients;
  if (given !== undefined && !Array.isArray(given)) return options;
  const clients = (given ?? [DEV_CLIENT]).map(withOurClientNames);
  if (dialect === undefined)
    return given === undefined ? options : ({ ...options, clients } as MockIdpOptions);
  return {
    ...options,
    clients: clients.map((c) => (typeof c === 'object' && c !== null ? { dialect, ...c } : c)),
  } as MockIdpOptions;
}
