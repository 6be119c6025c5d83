/** The vneid-partner login over real HTTP (node:http server, global fetch): raw `+` survives. */
import { decryptCode, openEnvelope } from '@dinhdanh/core/vneid-partner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockIdp, type RunningMockIdp } from '../src/index';
import type { PartnerClientInput } from '../src/partner/options';
import { CLIENT_ID, rawParam, REDIRECT, rpKeys, SECRET } from './partner-fixtures';

describe('vneid-partner over HTTP', () => {
  let mock: RunningMockIdp;

  beforeAll(async () => {
    const { publicJwk } = await rpKeys();
    mock = await startMockIdp({
      port: 0,
      autoApprove: true,
      clients: [
        {
          clientId: CLIENT_ID,
          clientSecret: SECRET,
          redirectUris: [REDIRECT],
          dialect: 'vneid-partner',
          partner: {
            publicKey: publicJwk as PartnerClientInput['publicKey'],
            aesMode: 'cbc',
            encryptCode: true,
            codeWithPlus: true,
          },
        },
      ],
    });
  });
  afterAll(async () => {
    await mock.close();
  });

  it('authorize → raw encrypted code with + → token envelope → userinfo envelope', async () => {
    const { privateKey } = await rpKeys();
    const url = new URL(`${mock.issuer}/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 'http-state',
      login_hint: 'citizen-l1',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    const raw = rawParam(location, 'code')!;
    expect(raw).toContain('+');
    const code = await decryptCode(raw, rawParam(location, 'encrypt_key')!, {
      privateKey,
      mode: 'cbc',
    });
    const tokenRes = await fetch(`${mock.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        client_secret: SECRET,
        code,
        redirect_uri: REDIRECT,
      }).toString(),
    });
    const tokens = await openEnvelope(await tokenRes.text(), {
      privateKey,
      mode: 'cbc',
      require: ['access_token'],
    });
    const info = await openEnvelope(
      await (
        await fetch(`${mock.issuer}/userinfo`, {
          headers: { authorization: `Bearer ${tokens.access_token as string}` },
        })
      ).text(),
      { privateKey, mode: 'cbc', require: ['citizenPid'] },
    );
    expect(info.accountLevel).toBe(1);
  });
});
