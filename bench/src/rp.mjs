/* global fetch */
// The relying party of the benchmark: plain openid-client 6, the same for every provider.
import * as oidc from 'openid-client';

const MAX_HOPS = 10;

/**
 * Follows the browser's redirects from an authorization URL until the provider sends the
 * user agent to `redirectUri`; returns that callback URL. Carries the provider's cookies
 * (name=value only) like a browser would within one login.
 */
export async function followToCallback(start, redirectUri) {
  let url = start;
  const cookies = new Map();
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const headers = {};
    if (cookies.size > 0) {
      headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const response = await fetch(url, { redirect: 'manual', headers });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0];
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (location === null) {
      throw new Error(`login stopped at ${new URL(url).pathname} with HTTP ${response.status}`);
    }
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) return new URL(url);
  }
  throw new Error(`more than ${MAX_HOPS} redirects`);
}

/** Discovery and client authentication with private_key_jwt. */
export async function configure({ issuer, clientId, signingKey, kid, typ = false }) {
  const options = typ
    ? {
        [oidc.modifyAssertion]: (header) => {
          header.typ = 'JWT';
        },
      }
    : undefined;
  return oidc.discovery(
    new URL(issuer),
    clientId,
    { token_endpoint_auth_method: 'private_key_jwt' },
    oidc.PrivateKeyJwt({ key: signingKey, kid }, options),
    { execute: [oidc.allowInsecureRequests] },
  );
}

/**
 * One headless login: PAR (when offered) + authorize + token + userinfo (when offered),
 * with PKCE, state and nonce checked by openid-client.
 */
export async function login(
  config,
  { redirectUri, loginHint, scope = 'openid profile', par = true, userinfo = true },
) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const parameters = {
    redirect_uri: redirectUri,
    scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(loginHint === undefined ? {} : { login_hint: loginHint }),
  };
  const url = par
    ? await oidc.buildAuthorizationUrlWithPAR(config, parameters)
    : oidc.buildAuthorizationUrl(config, parameters);
  const callback = await followToCallback(url.href, redirectUri);
  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const sub = tokens.claims()?.sub;
  if (sub === undefined) throw new Error('no ID token');
  if (userinfo) await oidc.fetchUserInfo(config, tokens.access_token, sub);
  return sub;
}
