/**
 * Client authentication at the token, PAR, revocation and device authorization endpoints:
 * `client_secret_basic`, `client_secret_post` (RFC 6749 §2.3.1), `private_key_jwt`
 * (RFC 7523, OIDC Core §9), `none` for public clients. Every failure is `invalid_client`.
 */
import { createLocalJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import { CLIENT_SIGNING_ALGS } from '../keys/client-algs';
import type { ClientAuthMethod, MockClient } from '../options';
import type { MemoryStore } from '../store/memory';
import { OAuthProblem, single } from '../util/http';
import { secretsEqual } from '../util/random';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** What authentication needs from the provider. */
export interface AuthContext {
  readonly clients: ReadonlyMap<string, MockClient>;
  readonly store: MemoryStore;
  readonly issuer: string;
  /** URLs accepted as `aud` of a client assertion besides the issuer. */
  readonly audiences: readonly string[];
  readonly now: () => number;
}

function invalidClient(description: string, basic: boolean): OAuthProblem {
  return new OAuthProblem(
    'invalid_client',
    description,
    401,
    basic ? { 'www-authenticate': 'Basic realm="dinhdanh-mock-idp"' } : {},
  );
}

function decodeBasic(header: string): { id: string; secret: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (match?.[1] === undefined) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1]);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
    };
  } catch {
    return undefined;
  }
}

function allow(client: MockClient, method: ClientAuthMethod, basic: boolean): void {
  // vneid-partner: client_id + client_secret in the body only, as observed
  const methods = client.dialect === 'vneid-partner' ? ['client_secret_post'] : client.authMethods;
  if (!methods.includes(method)) {
    throw invalidClient(`client ${client.clientId} is not registered for ${method}`, basic);
  }
}

/** Authenticate the client of a back-channel request, or throw `invalid_client`. */
export async function authenticateClient(
  ctx: AuthContext,
  request: Request,
  params: URLSearchParams,
): Promise<{ client: MockClient; method: ClientAuthMethod }> {
  const authorization = request.headers.get('authorization');
  const assertionType = single(params, 'client_assertion_type');
  const assertion = single(params, 'client_assertion');
  const bodySecret = single(params, 'client_secret');
  const bodyId = single(params, 'client_id');
  const methods = [
    authorization?.toLowerCase().startsWith('basic ') === true,
    assertion !== undefined,
    bodySecret !== undefined,
  ];
  if (methods.filter(Boolean).length > 1) {
    throw new OAuthProblem('invalid_request', 'use exactly one client authentication method');
  }

  if (authorization?.toLowerCase().startsWith('basic ') === true) {
    const credentials = decodeBasic(authorization);
    if (credentials === undefined)
      throw invalidClient('malformed Basic authorization header', true);
    if (bodyId !== undefined && bodyId !== credentials.id) {
      throw new OAuthProblem(
        'invalid_request',
        'client_id in the body differs from the Basic credentials',
      );
    }
    const client = ctx.clients.get(credentials.id);
    if (client === undefined) throw invalidClient('unknown client', true);
    allow(client, 'client_secret_basic', true);
    if (
      client.clientSecret === undefined ||
      !(await secretsEqual(client.clientSecret, credentials.secret))
    ) {
      throw invalidClient('client authentication failed', true);
    }
    return { client, method: 'client_secret_basic' };
  }

  if (assertion !== undefined || assertionType !== undefined) {
    if (assertionType !== ASSERTION_TYPE) {
      throw invalidClient(`client_assertion_type must be ${ASSERTION_TYPE}`, false);
    }
    if (assertion === undefined) throw invalidClient('client_assertion is missing', false);
    return { client: await verifyAssertion(ctx, assertion, bodyId), method: 'private_key_jwt' };
  }

  if (bodyId === undefined) throw invalidClient('no client authentication', false);
  const client = ctx.clients.get(bodyId);
  if (client === undefined) throw invalidClient('unknown client', false);
  if (bodySecret !== undefined) {
    allow(client, 'client_secret_post', false);
    if (
      client.clientSecret === undefined ||
      !(await secretsEqual(client.clientSecret, bodySecret))
    ) {
      throw invalidClient('client authentication failed', false);
    }
    return { client, method: 'client_secret_post' };
  }
  allow(client, 'none', false);
  return { client, method: 'none' };
}

/** One local JWK Set per client: jose caches the imported keys inside it. */
const clientKeySets = new WeakMap<MockClient, ReturnType<typeof createLocalJWKSet>>();

function keySetOf(client: MockClient): ReturnType<typeof createLocalJWKSet> | undefined {
  let keySet = clientKeySets.get(client);
  if (keySet === undefined) {
    const keys = (client.jwks?.keys ?? []).filter((k) => k.use === undefined || k.use === 'sig');
    if (keys.length === 0) return undefined;
    keySet = createLocalJWKSet({ keys });
    clientKeySets.set(client, keySet);
  }
  return keySet;
}

async function verifyAssertion(
  ctx: AuthContext,
  assertion: string,
  bodyId: string | undefined,
): Promise<MockClient> {
  let unverified: ReturnType<typeof decodeJwt>;
  try {
    unverified = decodeJwt(assertion);
  } catch {
    throw invalidClient('client_assertion is not a JWT', false);
  }
  const clientId = unverified.sub;
  if (typeof clientId !== 'string' || unverified.iss !== clientId) {
    throw invalidClient('client_assertion iss and sub must both be the client_id', false);
  }
  if (bodyId !== undefined && bodyId !== clientId) {
    throw invalidClient('client_id differs from the client_assertion subject', false);
  }
  const client = ctx.clients.get(clientId);
  if (client === undefined) throw invalidClient('unknown client', false);
  allow(client, 'private_key_jwt', false);
  const keySet = keySetOf(client);
  if (keySet === undefined) throw invalidClient('the client has no registered signing keys', false);
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(assertion, keySet, {
      algorithms: CLIENT_SIGNING_ALGS,
      issuer: clientId,
      subject: clientId,
      audience: [ctx.issuer, ...ctx.audiences],
      requiredClaims: ['exp', 'jti'],
      currentDate: new Date(ctx.now()),
      clockTolerance: 5,
    }));
  } catch (error) {
    const reason =
      error instanceof errors.JWTExpired
        ? 'client_assertion has expired'
        : error instanceof errors.JWTClaimValidationFailed
          ? `client_assertion claim ${error.claim} is invalid`
          : 'client_assertion signature or format is invalid';
    throw invalidClient(reason, false);
  }
  const jti = String(payload.jti);
  const key = `${clientId}\u0000${jti}`;
  const seen = ctx.store.assertionJtis.get(key);
  if (seen !== undefined && seen >= ctx.now())
    throw invalidClient('client_assertion jti was already used', false);
  ctx.store.assertionJtis.set(key, (payload.exp ?? 0) * 1000 + 5000);
  return client;
}
