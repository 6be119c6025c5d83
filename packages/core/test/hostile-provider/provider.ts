/**
 * A malicious OpenID Provider for core's own tests: a real HTTP server (node:http on
 * 127.0.0.1) whose tokens are real JWS made with jose. Each endpoint answers as the test
 * says — a forged token, a body of a megabyte, or nothing at all (a connection held open).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { base64url, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

export const CLIENT_ID = 'bank-portal';
export const REDIRECT_URI = 'http://127.0.0.1/callback';
/** A synthetic personal ID number the provider puts in tokens: it must never reach a message. */
export const PID = '001090012345';

/** What an endpoint does: answer this JSON (with a status), or hold the connection open. */
export type Answer = { status?: number; json?: unknown; raw?: string } | 'hang';

export interface HostileProvider {
  issuer: string;
  /** Published signing keys (private parts kept here; the JWKS serves the public ones). */
  keys: JWK[];
  /** Requests per path. */
  hits: Record<string, number>;
  /** Per endpoint overrides; unset endpoints answer correctly. */
  answers: Partial<Record<'discovery' | 'jwks' | 'par' | 'token' | 'userinfo', Answer>>;
  /** Whether discovery offers PAR. */
  par: boolean;
  /** Builds the ID token the token endpoint returns (default: a valid one for `nonce`). */
  idToken: (nonce: string) => Promise<string | undefined>;
  /** Signs claims (defaults: iss, aud, sub, iat, exp, a PID) with a published key or `key`. */
  sign(
    claims?: Record<string, unknown>,
    header?: Record<string, unknown>,
    key?: JWK,
  ): Promise<string>;
  /** Like `sign`, but without jose's header checks (for headers jose refuses to sign, `crit`). */
  signRaw(claims?: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  /** A fresh key, not published. */
  newKey(kid: string): Promise<JWK>;
  close(): Promise<void>;
}

async function newKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
}

export function publicJwk(jwk: JWK): JWK {
  const { d: _d, ...rest } = jwk;
  return rest;
}

/** An unsigned token (`alg: none`) or any header/payload with a chosen signature. */
export function compact(header: object, payload: object, signature = ''): string {
  const part = (value: object) => base64url.encode(JSON.stringify(value));
  return `${part(header)}.${part(payload)}.${signature}`;
}

export async function startHostileProvider(): Promise<HostileProvider> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A test's token builder failed: answer, so the failure is not mistaken for a hang.
      res.statusCode = 599;
      res.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const hp: HostileProvider = {
    issuer,
    keys: [await newKey('k1')],
    hits: {},
    answers: {},
    par: false,
    idToken: (nonce) => hp.sign({ nonce }),
    async sign(claims = {}, header = {}, key) {
      const signer = key ?? hp.keys[0];
      if (signer === undefined) throw new Error('no key');
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: issuer,
        aud: CLIENT_ID,
        sub: 'citizen-1',
        iat: now,
        exp: now + 300,
        acr: 'urn:dinhdanh:loa:2',
        vn_pid: PID,
        ...claims,
      })
        .setProtectedHeader({ alg: 'ES256', kid: signer.kid ?? 'k1', ...header })
        .sign(await importJWK(signer, 'ES256'));
    },
    async signRaw(claims = {}, header = {}) {
      const signer = hp.keys[0];
      if (signer === undefined) throw new Error('no key');
      // The payload of a normal signature, re-signed under a header jose would refuse.
      const token = await hp.sign(claims);
      const payload = token.split('.')[1] ?? '';
      const input = `${base64url.encode(JSON.stringify({ alg: 'ES256', kid: signer.kid, ...header }))}.${payload}`;
      const key = (await importJWK(signer, 'ES256')) as CryptoKey;
      const signature = await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        key,
        new TextEncoder().encode(input),
      );
      return `${input}.${base64url.encode(new Uint8Array(signature))}`;
    },
    newKey,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const metadata = () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    ...(hp.par ? { pushed_authorization_request_endpoint: `${issuer}/par` } : {}),
    device_authorization_endpoint: `${issuer}/device`,
    id_token_signing_alg_values_supported: ['ES256'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
  });

  async function body(req: IncomingMessage): Promise<URLSearchParams> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return new URLSearchParams(text);
  }

  function send(res: ServerResponse, answer: Answer | undefined, fallback: () => unknown) {
    if (answer === 'hang') return; // accept, never answer: the relying party must give up
    res.statusCode = answer?.status ?? 200;
    res.setHeader('content-type', 'application/json');
    res.end(answer?.raw ?? JSON.stringify(answer?.json ?? fallback()));
  }

  // The nonce of the last authorization request the relying party pushed (PAR) or that the
  // test registered through the token endpoint's `code` (the test puts the nonce in it).
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', issuer).pathname;
    hp.hits[path] = (hp.hits[path] ?? 0) + 1;
    switch (path) {
      case '/.well-known/openid-configuration':
        return send(res, hp.answers.discovery, metadata);
      case '/jwks':
        return send(res, hp.answers.jwks, () => ({ keys: hp.keys.map(publicJwk) }));
      case '/par':
        await body(req);
        return send(res, hp.answers.par, () => ({
          request_uri: 'urn:ietf:params:oauth:request_uri:hostile',
          expires_in: 60,
        }));
      case '/token': {
        const form = await body(req);
        // The test's callback carries the nonce as the code: no hidden state here.
        const nonce = form.get('code') ?? '';
        if (hp.answers.token !== undefined) return send(res, hp.answers.token, () => ({}));
        const idToken = await hp.idToken(nonce);
        return send(res, undefined, () => ({
          access_token: 'hostile-access-token',
          token_type: 'Bearer',
          expires_in: 300,
          ...(idToken === undefined ? {} : { id_token: idToken }),
        }));
      }
      case '/device':
        await body(req);
        return send(res, undefined, () => ({
          device_code: 'hostile-device-code',
          user_code: 'ABCD-EFGH',
          verification_uri: `${issuer}/activate`,
          verification_uri_complete: `${issuer}/activate?user_code=ABCD-EFGH`,
          expires_in: 600,
          interval: 5,
        }));
      case '/userinfo':
        return send(res, hp.answers.userinfo, () => ({ sub: 'citizen-1' }));
      default:
        res.statusCode = 404;
        res.end();
    }
  }
  return hp;
}
