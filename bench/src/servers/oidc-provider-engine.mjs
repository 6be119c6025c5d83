// oidc-provider 9 configured like a national e-ID, as in core's engine tests
// (packages/core/test/support/op.ts, copied here: the bench does not import tests):
// PAR required, PKCE required, private_key_jwt (ES256), ES256 ID tokens, per-level acr
// values, userinfo. The interaction is driven headlessly: it logs in the login_hint account
// at level 2 and grants the requested scopes. Prints `READY <issuer>` on stdout.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const client = JSON.parse(process.env.BENCH_CLIENT ?? '{}');
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'op-key-1', alg: 'ES256', use: 'sig' };

// Synthetic citizen (valid-structure, made-up personal ID number).
const ACCOUNT = {
  name: 'Nguyễn Văn An',
  birthdate: '1985-04-12',
  gender: 'male',
  vn_pid: '001085123456',
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: client.clientId,
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      jwks: { keys: [client.publicJwk] },
      redirect_uris: [client.redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [signingKey] },
  acrValues: ['urn:dinhdanh:loa:1', 'urn:dinhdanh:loa:2'],
  scopes: ['openid', 'offline_access', 'profile', 'vn_identity'],
  claims: {
    acr: null,
    auth_time: null,
    sid: null,
    openid: ['sub'],
    profile: ['name', 'birthdate', 'gender'],
    vn_identity: ['vn_pid'],
  },
  features: {
    devInteractions: { enabled: false },
    pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: true },
    userinfo: { enabled: true },
  },
  pkce: { required: () => true },
  cookies: { keys: ['bench-only-cookie-key-0123456789abcdef'] },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...ACCOUNT }) }),
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
});
// No request logging, like the other servers of the bench.
provider.on('server_error', () => {});

const callback = provider.callback();
server.on('request', (req, res) => {
  if (!req.url.startsWith('/interaction/')) {
    callback(req, res);
    return;
  }
  (async () => {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.params.login_hint ?? 'citizen-1';
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      {
        login: { accountId, acr: 'urn:dinhdanh:loa:2', amr: ['pwd'] },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    );
  })().catch((error) => {
    res.statusCode = 500;
    res.end(String(error));
  });
});

process.stdout.write(`READY ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
