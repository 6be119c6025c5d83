/** RP-initiated logout and back-channel logout delivery. */
import * as client from 'openid-client';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMockIdp } from '../src/index';
import { connect, discover, exchange, headlessLogin, ISSUER, REDIRECT, setup } from './helpers';

describe('logout', () => {
  it('builds an RP-initiated logout URL with openid-client, redirects to the registered URI with state', async () => {
    const { idp, config } = await connect();
    const flow = await headlessLogin(idp, config);
    const tokens = await exchange(config, flow);
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'http://127.0.0.1:3000/',
      state: 'bye',
    });
    const res = await idp.fetch(new Request(url));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:3000/?state=bye');
  });

  it('refuses an unregistered post_logout_redirect_uri and a forged id_token_hint', async () => {
    const { idp } = await setup();
    const bad = await idp.fetch(
      new Request(
        `${ISSUER}/end_session?client_id=rp&post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`,
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('location')).toBeNull();
    const forged = await idp.fetch(
      new Request(`${ISSUER}/end_session?id_token_hint=eyJhbGciOiJub25lIn0.e30.`),
    );
    expect(forged.status).toBe(400);
    const plain = await idp.fetch(new Request(`${ISSUER}/end_session`));
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('delivers a signed logout token to every client of the session (single sign-on)', async () => {
    const received: { uri: string; token: string }[] = [];
    const deliver = async (request: Request) => {
      const form = new URLSearchParams(await request.text());
      received.push({ uri: request.url, token: form.get('logout_token')! });
      return new Response(null, { status: 200 });
    };
    const base = await setup({
      backchannelLogoutUri: 'http://127.0.0.1:3000/auth/backchannel-logout',
    });
    const idp = createMockIdp({
      issuer: ISSUER,
      autoApprove: true,
      fetch: deliver,
      clients: [
        base.rp,
        {
          clientId: 'dinhdanh-dev',
          clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
          redirectUris: [REDIRECT],
          backchannelLogoutUri: 'http://127.0.0.1:4000/logout',
        },
      ],
    });
    const rp = await discover(idp, 'rp', client.PrivateKeyJwt(base.privateKey));
    const dev = await discover(
      idp,
      'dinhdanh-dev',
      client.ClientSecretBasic('dinhdanh-dev-secret-change-me-0123456789'),
    );
    const a = await headlessLogin(idp, rp);
    const tokensA = await exchange(rp, a);
    const b = await headlessLogin(idp, dev);
    const tokensB = await exchange(dev, b);
    expect(tokensB.claims()?.sid).toBe(tokensA.claims()?.sid);

    await idp.fetch(
      new Request(client.buildEndSessionUrl(rp, { id_token_hint: tokensA.id_token! })),
    );
    expect(idp.logouts.map((l) => [l.clientId, l.status])).toEqual([
      ['rp', 200],
      ['dinhdanh-dev', 200],
    ]);
    expect(received.map((r) => r.uri)).toEqual([
      'http://127.0.0.1:3000/auth/backchannel-logout',
      'http://127.0.0.1:4000/logout',
    ]);
    const jwks = createLocalJWKSet(
      (await (await idp.fetch(new Request(`${ISSUER}/jwks`))).json()) as JSONWebKeySet,
    );
    const { payload, protectedHeader } = await jwtVerify(received[0]!.token, jwks, {
      issuer: ISSUER,
      audience: 'rp',
      typ: 'logout+jwt',
    });
    expect(protectedHeader.typ).toBe('logout+jwt');
    expect(payload).toMatchObject({
      sub: tokensA.claims()!.sub,
      sid: tokensA.claims()!.sid,
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    expect(payload).not.toHaveProperty('nonce');
    expect(typeof payload.jti).toBe('string');

    // the session is over: the admin API lists the deliveries, a second logout delivers nothing
    const listed = (await (
      await idp.fetch(new Request(`${ISSUER}/__mock/logouts`))
    ).json()) as unknown;
    expect(listed).toMatchObject({ error: 'not_found' }); // admin is off on this mock
    await idp.fetch(
      new Request(client.buildEndSessionUrl(rp, { id_token_hint: tokensA.id_token! })),
    );
    expect(idp.logouts).toHaveLength(2);
  });

  it('records a failed delivery with status 0', async () => {
    const { rp, privateKey } = await setup({ backchannelLogoutUri: 'http://127.0.0.1:9/logout' });
    const idp = createMockIdp({
      issuer: ISSUER,
      autoApprove: true,
      admin: true,
      clients: [rp],
      fetch: () => Promise.reject(new Error('connection refused')),
    });
    const config = await discover(idp, 'rp', client.PrivateKeyJwt(privateKey));
    const a = await headlessLogin(idp, config);
    const tokens = await exchange(config, a);
    await idp.fetch(
      new Request(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! })),
    );
    const listed = (await (await idp.fetch(new Request(`${ISSUER}/__mock/logouts`))).json()) as {
      logouts: { status: number; error: string }[];
    };
    expect(listed.logouts).toMatchObject([{ status: 0, error: 'connection refused' }]);
  });

  it('delivers over real HTTP with the default fetch', async () => {
    const bodies: string[] = [];
    const rpServer = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        bodies.push(`${req.method} ${req.headers['content-type']} ${body.slice(0, 13)}`);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => rpServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = rpServer.address() as AddressInfo;
      const base = await setup({ backchannelLogoutUri: `http://127.0.0.1:${port}/logout` });
      const idp = createMockIdp({ issuer: ISSUER, autoApprove: true, clients: [base.rp] });
      const config = await discover(idp, 'rp', client.PrivateKeyJwt(base.privateKey));
      const a = await headlessLogin(idp, config);
      const tokens = await exchange(config, a);
      await idp.fetch(
        new Request(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! })),
      );
      expect(idp.logouts.map((l) => l.status)).toEqual([200]);
      expect(bodies).toEqual(['POST application/x-www-form-urlencoded logout_token=']);
    } finally {
      await new Promise((resolve) => rpServer.close(resolve));
    }
  });
});
