/** GET /.well-known/openid-configuration (OpenID Connect Discovery 1.0; RFC 8414): only what is implemented. */
import { SUPPORTED_SCOPES } from '../authorization/requested-attributes';
import { endpointUrl, PATHS, type Context } from '../context';
import { DIALECTS } from '../dialects';
import { ADVERTISED_CLIENT_SIGNING_ALGS } from '../keys/client-algs';
import { json } from '../util/http';

const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'];
const PROTOCOL_CLAIMS = [
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'auth_time',
  'nonce',
  'acr',
  'amr',
  'sid',
  'azp',
];

/** The provider metadata. */
export function metadata(ctx: Context): Record<string, unknown> {
  const url = (path: string) => endpointUrl(ctx, path);
  const dialects = Object.values(DIALECTS);
  const claims = new Set<string>(PROTOCOL_CLAIMS);
  for (const d of dialects) for (const name of Object.keys(d.claimNames)) claims.add(name);
  const acrs = new Set<string>();
  for (const d of dialects) for (const level of [0, 1, 2] as const) acrs.add(d.acr(level));
  return {
    issuer: ctx.issuer,
    authorization_endpoint: url(PATHS.authorize),
    token_endpoint: url(PATHS.token),
    userinfo_endpoint: url(PATHS.userinfo),
    jwks_uri: url(PATHS.jwks),
    pushed_authorization_request_endpoint: url(PATHS.par),
    require_pushed_authorization_requests: false,
    revocation_endpoint: url(PATHS.revocation),
    end_session_endpoint: url(PATHS.endSession),
    device_authorization_endpoint: url(PATHS.deviceAuthorization),
    scopes_supported: SUPPORTED_SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
    ],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: [ctx.keys.signingKey.alg],
    id_token_encryption_alg_values_supported: ['ECDH-ES+A256KW', 'RSA-OAEP-256'],
    id_token_encryption_enc_values_supported: ['A256GCM', 'A128CBC-HS256'],
    token_endpoint_auth_methods_supported: AUTH_METHODS,
    token_endpoint_auth_signing_alg_values_supported: ADVERTISED_CLIENT_SIGNING_ALGS,
    revocation_endpoint_auth_methods_supported: AUTH_METHODS,
    revocation_endpoint_auth_signing_alg_values_supported: ADVERTISED_CLIENT_SIGNING_ALGS,
    code_challenge_methods_supported: ['S256'],
    claims_parameter_supported: true,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    claim_types_supported: ['normal'],
    claims_supported: [...claims],
    acr_values_supported: [...acrs],
    ui_locales_supported: ['vi', 'en'],
    prompt_values_supported: ['none', 'login', 'consent', 'select_account'],
    authorization_response_iss_parameter_supported: true,
    dpop_signing_alg_values_supported: ADVERTISED_CLIENT_SIGNING_ALGS,
    backchannel_logout_supported: true,
    backchannel_logout_session_supported: true,
    frontchannel_logout_supported: false,
  };
}

/** The discovery endpoint. */
export function discovery(ctx: Context): Response {
  return json(metadata(ctx), 200, { 'access-control-allow-origin': '*' });
}
