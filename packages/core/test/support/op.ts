/**
 * A real OpenID Provider we did not write (oidc-provider 9) on 127.0.0.1:0, configured
 * like a national e-ID: PAR required, PKCE, private_key_jwt, per-level acr values, device
 * flow, refresh rotation. Interactions are driven programmatically by the test "browser".
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type ProviderClass from 'oidc-provider';
import { mapAdapter } from './op-adapter';

/**
 * oidc-provider 9 prints "Unsupported runtime" when imported on anything but Node 22+ LTS.
 * We run it on Node 20 on purpose (it is the independent provider core is tested against,
 * and these tests are what show it works there), so that one line is dropped at its source.
 */
async function importOidcProvider(): Promise<typeof ProviderClass> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (
      typeof args[0] === 'string' &&
      args[0].includes('oidc-provider WARNING: Unsupported runtime')
    )
      return;
    warn(...args);
  };
  try {
    return (await import('oidc-provider')).default;
  } finally {
    console.warn = warn;
  }
}

const Provider = await importOidcProvider();

export const REDIRECT_URI = 'https://rp.example/auth/callback';
export const POST_LOGOUT_URI = 'https://rp.example/';
export const CLIENT_ID = 'bank-portal';
/** A second client that receives encrypted ID tokens (ECDH-ES + A256GCM). */
export const JWE_CLIENT_ID = 'tax-portal-jwe';

/** Synthetic citizens (valid-structure, made-up personal ID numbers). */
export const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'citizen-1': {
    sub: 'citizen-1',
    name: 'Nguyễn Văn An',
    birthdate: '1985-04-12',
    gender: 'male',
    vn_pid: '001085123456',
  },
  'bad-data': { sub: 'bad-data', name: 'Trần Thị Bình', birthdate: '12/04/1985', vn_pid: '12345' },
};

export interface LoginChoice {
  accountId?: string;
  acr?: string;
  deny?: boolean;
}

export interface TestOp {
  issuer: string;
  provider: ProviderClass;
  signingKey: JWK;
  clientKey: JWK;
  /** The JWE client's private decryption key. */
  encryptionKey: JWK;
  /** What the next interaction answers (mutable by tests). */
  next: LoginChoice;
  close(): Promise<void>;
}

export async function startOp(): Promise<TestOp> {
  const op = await generateKeyPair('ES256', { extractable: true });
  const rp = await generateKeyPair('ES256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(op.privateKey)),
    kid: 'op-key-1',
    alg: 'ES256',
    use: 'sig',
  };
  const clientKey = { ...(await exportJWK(rp.privateKey)), kid: 'rp-key-1', alg: 'ES256' };
  const { d: _d, ...clientPublic } = clientKey;
  const enc = await generateKeyPair('ECDH-ES', { extractable: true });
  const encryptionKey = {
    ...(await exportJWK(enc.privateKey)),
    kid: 'rp-enc-1',
    alg: 'ECDH-ES',
    use: 'enc',
  };
  const { d: _ed, ...encryptionPublic } = encryptionKey;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    adapter: mapAdapter(),
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [clientPublic] },
        redirect_uris: [REDIRECT_URI],
        post_logout_redirect_uris: [POST_LOGOUT_URI],
        grant_types: [
          'authorization_code',
          'refresh_token',
          'urn:ietf:params:oauth:grant-type:device_code',
        ],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
      {
        client_id: JWE_CLIENT_ID,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [{ ...clientPublic, use: 'sig' }, encryptionPublic] },
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
        id_token_encrypted_response_alg: 'ECDH-ES',
        id_token_encrypted_response_enc: 'A256GCM',
      },
    ],
    jwks: { keys: [signingKey] },
    acrValues: ['urn:dinhdanh:loa:1', 'urn:dinhdanh:loa:2'],
    scopes: ['openid', 'offline_access', 'profile', 'vn_identity', 'vn_pid'],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub'],
      profile: ['name', 'birthdate', 'gender'],
      vn_identity: ['vn_pid'],
      vn_pid: ['vn_pid'],
    },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: true },
      deviceFlow: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      backchannelLogout: { enabled: true },
      encryption: { enabled: true },
      dPoP: { enabled: true },
    },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      DeviceCode: 600,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      PushedAuthorizationRequest: 60,
      RefreshToken: 86_400,
      Session: 3600,
    },
    issueRefreshToken: () => true,
    rotateRefreshToken: true,
    findAccount: (_ctx: unknown, id: string) => {
      const claims = ACCOUNTS[id];
      if (claims === undefined) return undefined;
      return { accountId: id, claims: () => ({ ...claims }) };
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
  });

  const state: TestOp = {
    issuer,
    provider,
    signingKey,
    clientKey,
    encryptionKey,
    next: {},
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/') !== true) {
      callback(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const choice = state.next;
        if (choice.deny === true) {
          await provider.interactionFinished(req, res, {
            error: 'access_denied',
            error_description: 'Citizen declined',
          });
          return;
        }
        const accountId = choice.accountId ?? 'citizen-1';
        const clientId = String(details.params.client_id);
        const grant = new provider.Grant({ accountId, clientId });
        grant.addOIDCScope(String(details.params.scope));
        // claims named in the `claims` request parameter (OIDC Core §5.5) are consented too
        const missingClaims = details.prompt.details.missingOIDCClaims;
        if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims as string[]);
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          {
            login: { accountId, acr: choice.acr ?? 'urn:dinhdanh:loa:2', amr: ['pwd'] },
            consent: { grantId },
          },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });
  return state;
}

/** A minimal cookie-keeping browser that follows redirects until the RP's callback. */
export async function browse(startUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = startUrl;
  for (let hop = 0; hop < 15; hop += 1) {
    if (url.startsWith(REDIRECT_URI)) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (pair !== undefined && index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const location = response.headers.get('location');
    if (location === null) {
      throw new Error(
        `browser stopped at ${url}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`,
      );
    }
    await response.arrayBuffer().catch(() => undefined);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

/** Approves a device-flow user code as the citizen would on their phone. */
export async function approveDevice(
  op: TestOp,
  userCode: string,
  choice: LoginChoice = {},
): Promise<void> {
  const code = await op.provider.DeviceCode.findByUserCode(
    userCode.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
  );
  if (code === undefined) throw new Error('unknown user code');
  if (choice.deny === true) {
    Object.assign(code, { error: 'access_denied', errorDescription: 'Citizen declined' });
    await code.save();
    return;
  }
  const accountId = choice.accountId ?? 'citizen-1';
  const requested = code.params?.scope;
  const scope = typeof requested === 'string' ? requested : 'openid';
  const grant = new op.provider.Grant({ accountId, clientId: CLIENT_ID });
  grant.addOIDCScope(scope);
  grant.addOIDCClaims(['acr', 'auth_time', 'amr']);
  const grantId = await grant.save();
  Object.assign(code, {
    accountId,
    acr: choice.acr ?? 'urn:dinhdanh:loa:2',
    amr: ['pwd'],
    authTime: Math.floor(Date.now() / 1000),
    grantId,
    scope,
    // What the provider's own flow would record from acr_values.
    claims: { id_token: { acr: null, auth_time: null } },
  });
  await code.save();
}
