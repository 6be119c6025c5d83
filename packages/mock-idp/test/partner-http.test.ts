/** The vneid-partner login over real HTTP (node:http server, global fetch): raw `+` survives. */
import { decryptCode, openEnvelope } from '@dinhdanh/core/vneid-partner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockIdp, type RunningMockIdp } from '../src/index';
import type { PartnerClientInput } from '../src/partner/options';
import {
  authorize,
  CLIENT_ID,
  type Endpoint,
  rawParam,
  REDIRECT,
  rpKeys,
  SECRET,
  tokenRequest,
  userinfoRequest,
} from './partner-fixtures';

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
    // global fetch over the port; the redirect to the callback is read, not followed
    const http: Endpoint = {
      issuer: mock.issuer,
      fetch: (request) => fetch(request, { redirect: 'manual' }),
    };
    const location = await authorize(http, 'citizen-l1');
    const raw = rawParam(location, 'code')!;
    expect(raw).toContain('+');
    const code = await decryptCode(raw, rawParam(location, 'encrypt_key')!, {
      privateKey,
      mode: 'cbc',
    });
    const tokenRes = await tokenRequest(http, code);
    const tokens = await openEnvelope(await tokenRes.text(), {
      privateKey,
      mode: 'cbc',
      require: ['access_token'],
    });
    const userinfoRes = await userinfoRequest(http, tokens.access_token as string);
    const info = await openEnvelope(await userinfoRes.text(), {
      privateKey,
      mode: 'cbc',
      require: ['citizenPid'],
    });
    expect(info.accountLevel).toBe(1);
  });
});
