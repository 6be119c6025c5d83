/** Fixtures of the vneid-partner tests: an RSA key pair, a partner mock, a plain-fetch login. */
import { importPartnerPrivateKey, type PartnerPrivateKey } from '@dinhdanh/core/vneid-partner';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createMockIdp, type MockIdp, type MockIdpOptions } from '../src/index';
import type { PartnerClientInput } from '../src/partner/options';

export const ISSUER = 'http://127.0.0.1:9400';
export const REDIRECT = 'http://127.0.0.1:3000/auth/vneid/callback';
export const CLIENT_ID = 'bank';
export const SECRET = 'bank-secret-0123456789-0123456789-abcdef';

let keyPair: Promise<{ privateKey: PartnerPrivateKey; publicJwk: JWK }> | undefined;

/** The relying party's RSA key pair (made once per file: RSA generation is slow). */
export function rpKeys(): Promise<{ privateKey: PartnerPrivateKey; publicJwk: JWK }> {
  keyPair ??= generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true }).then(
    async ({ privateKey, publicKey }) => ({
      privateKey: importPartnerPrivateKey({ ...(await exportJWK(privateKey)), kty: 'RSA' }),
      publicJwk: await exportJWK(publicKey),
    }),
  );
  return keyPair;
}

/** A mock with one vneid-partner client `bank`. */
export async function partnerIdp(
  partner: Omit<PartnerClientInput, 'publicKey'> & { publicKey?: PartnerClientInput['publicKey'] },
  options: MockIdpOptions = {},
): Promise<MockIdp> {
  const { publicJwk } = await rpKeys();
  const idp = createMockIdp({
    issuer: ISSUER,
    autoApprove: true,
    admin: true,
    clients: [
      {
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        name: 'Ngân hàng Thử nghiệm',
        redirectUris: [REDIRECT],
        dialect: 'vneid-partner',
        partner: { publicKey: publicJwk as PartnerClientInput['publicKey'], ...partner },
      },
    ],
    ...options,
  });
  await idp.ready;
  return idp;
}

/** The raw value of a query parameter (no form decoding: `+` stays `+`). */
export function rawParam(location: string, name: string): string | undefined {
  const query = location.slice(location.indexOf('?') + 1);
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return undefined;
}

/** Where the steps below send their requests: a mock in process, or one over HTTP. */
export type Endpoint = Pick<MockIdp, 'issuer' | 'fetch'>;

/** Step 1: the authorization request as the partner protocol sends it; the callback Location. */
export async function authorize(idp: Endpoint, persona = 'citizen-l2'): Promise<string> {
  const url = new URL(`${idp.issuer}/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    scope: 'openid',
    state: 'st-123',
    login_hint: persona,
  }).toString();
  const res = await idp.fetch(new Request(url));
  const location = res.headers.get('location');
  if (res.status !== 302 || location === null) throw new Error(`no redirect: ${res.status}`);
  return location;
}

/** Step 2: the token request, client_secret_post. */
export function tokenRequest(
  idp: Endpoint,
  code: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return idp.fetch(
    new Request(`${idp.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        client_secret: SECRET,
        code,
        redirect_uri: REDIRECT,
        ...extra,
      }).toString(),
    }),
  );
}

/** Step 3: userinfo with the access token. */
export function userinfoRequest(idp: Endpoint, accessToken: string): Promise<Response> {
  return idp.fetch(
    new Request(`${idp.issuer}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } }),
  );
}
