// oidc-provider 9 configured like the mock: PAR, PKCE required, private_key_jwt (ES256),
// ES256 ID tokens, userinfo, and a headless interaction that logs in the login_hint
// account and grants the requested scopes (the equivalent of the mock's auto-approve).
// Runs in its own process; prints `READY <issuer>` on stdout.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const client = JSON.parse(process.env.BENCH_CLIENT ?? '{}');
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'op-es256', alg: 'ES256', use: 'sig' };

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
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [signingKey] },
  features: {
    devInteractions: { enabled: false },
    pushedAuthorizationRequests: { enabled: true },
    userinfo: { enabled: true },
  },
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name', 'birthdate', 'gender'] },
  cookies: { keys: ['bench-only-cookie-key-0123456789abcdef'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => ({
    accountId: sub,
    claims: () => ({ sub, name: 'Nguyễn Văn An', birthdate: '1990-01-01', gender: 'male' }),
  }),
});
// Same as the mock: no request logging.
provider.on('server_error', () => {});

const callback = provider.callback();
server.on('request', (req, res) => {
  if (!req.url.startsWith('/interaction/')) {
    callback(req, res);
    return;
  }
  (async () => {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.params.login_hint ?? 'citizen-l2';
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  })().catch((error) => {
    res.statusCode = 500;
    res.end(String(error));
  });
});

process.stdout.write(`READY ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
