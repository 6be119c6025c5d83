/**
 * The mock's configuration never silently does something else: unknown fields are refused
 * at every level (programmatic and file) with every problem reported at once, RFC 7591
 * spellings mean what they say, a client registered for encrypted ID tokens always gets
 * them, a private_key_jwt client needs keys; the admin API tells each persona's `sub`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { isDinhDanhError } from '@dinhdanh/core';
import { loadConfigFile } from '../src/config-file';
import { createMockIdp, type MockIdpOptions } from '../src/index';
import { setup, REDIRECT } from './helpers';

const SECRET = 'strict-config-secret-0123456789-abcdefgh';
const base = { clientId: 'bank', clientSecret: SECRET, redirectUris: [REDIRECT] };

function refusal(options: unknown): Error {
  try {
    createMockIdp(options as MockIdpOptions);
  } catch (error) {
    expect(isDinhDanhError(error, 'config_invalid')).toBe(true);
    return error as Error;
  }
  throw new Error('expected config_invalid, the options were accepted');
}

async function fileRefusal(options: unknown): Promise<Error> {
  const file = join(mkdtempSync(join(tmpdir(), 'mock-idp-strict-')), 'config.json');
  writeFileSync(file, JSON.stringify(options));
  const error: unknown = await loadConfigFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDinhDanhError(error, 'config_invalid')).toBe(true);
  return error as Error;
}

describe('unknown fields', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'a misspelt camelCase field in a client',
      { clients: [{ ...base, backchannelLogoutUrl: 'http://127.0.0.1/bc' }] },
      /clients\[0\]: unknown field backchannelLogoutUrl/,
    ],
    ['a top-level typo', { autoAprove: true }, /\(top level\): unknown field autoAprove/],
    ['a lifetime typo', { lifetimes: { idTokn: 60 } }, /lifetimes: unknown field idTokn/],
    [
      'a persona field',
      {
        personas: [
          {
            id: 'x',
            level: 1,
            accountType: 'citizen',
            nickname: 'X',
            attributes: { name: { full: 'Lê Văn X' } },
          },
        ],
      },
      /personas\[0\]: unknown field nickname/,
    ],
    [
      'a persona attribute',
      {
        personas: [
          {
            id: 'x',
            level: 1,
            accountType: 'citizen',
            attributes: { name: { full: 'Lê Văn X' }, religion: 'none' },
          },
        ],
      },
      /personas\[0\]\.attributes: unknown field religion/,
    ],
    [
      'a partner switch',
      {
        clients: [{ ...base, dialect: 'vneid-partner', partner: { envelopes: 'none' } }],
      },
      /clients\[0\]\.partner: unknown field envelopes/,
    ],
    [
      'a share setting',
      { clients: [{ ...base, share: { webhook: 'http://127.0.0.1/wh' } }] },
      /clients\[0\]\.share: unknown field webhook/,
    ],
  ];
  for (const [name, options, message] of cases) {
    it(`refuses ${name} in createMockIdp and in a config file`, async () => {
      expect(refusal(options).message).toMatch(message);
      expect((await fileRefusal(options)).message).toMatch(message);
    });
  }

  it('reports every problem at once', async () => {
    const options = {
      autoAprove: true,
      clients: [{ ...base, redirectUris: ['not a url'], tokenEndpointAuthMethod: 'none' }],
    };
    for (const error of [refusal(options), await fileRefusal(options)]) {
      const lines = error.message.split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(error.message).toMatch(/autoAprove/);
      expect(error.message).toMatch(/redirectUris\[0\]/);
      expect(error.message).toMatch(/tokenEndpointAuthMethod/);
    }
  });
});

describe('RFC 7591 spellings', () => {
  it('token_endpoint_auth_method limits the client to that method', async () => {
    const idp = createMockIdp({
      clients: [
        {
          client_id: 'bank',
          client_secret: SECRET,
          redirect_uris: [REDIRECT],
          token_endpoint_auth_method: 'client_secret_post',
          backchannel_logout_uri: 'http://127.0.0.1:3000/bc',
        } as unknown as NonNullable<MockIdpOptions['clients']>[number],
      ],
    });
    await idp.ready;
    const basic = await idp.fetch(
      new Request(`${idp.issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`bank:${SECRET}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=authorization_code&code=x&redirect_uri=' + encodeURIComponent(REDIRECT),
      }),
    );
    expect(basic.status).toBe(401);
    expect(((await basic.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('a name given both ways is refused, naming the RFC spelling', () => {
    const error = refusal({
      clients: [{ ...base, redirect_uris: ['http://127.0.0.1:1/other'] }],
    });
    expect(error.message).toMatch(/clients\[0\]: unknown field redirect_uris/);
  });
});

describe('client rules', () => {
  it('refuses an ID-token encryption algorithm without a key with use "enc"', async () => {
    const { publicKey } = await generateKeyPair('ECDH-ES+A256KW', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const error = refusal({
      clients: [{ ...base, idTokenEncryptedResponseAlg: 'ECDH-ES+A256KW', jwks: { keys: [jwk] } }],
    });
    expect(error.message).toMatch(/clients\[0\]\.idTokenEncryptedResponseAlg: .*use "enc"/);
    // the same key marked for encryption is accepted
    expect(() =>
      createMockIdp({
        clients: [
          {
            ...base,
            idTokenEncryptedResponseAlg: 'ECDH-ES+A256KW',
            jwks: { keys: [{ ...jwk, use: 'enc' }] },
          },
        ],
      }),
    ).not.toThrow();
  });

  it('refuses an RSA algorithm with only an EC encryption key', async () => {
    const { publicKey } = await generateKeyPair('ECDH-ES+A256KW', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), use: 'enc' };
    expect(
      refusal({
        clients: [{ ...base, idTokenEncryptedResponseAlg: 'RSA-OAEP-256', jwks: { keys: [jwk] } }],
      }).message,
    ).toMatch(/idTokenEncryptedResponseAlg: RSA-OAEP-256 needs a RSA key/);
  });

  it('refuses a private_key_jwt client with no signing key', () => {
    const error = refusal({
      clients: [{ clientId: 'bank', redirectUris: [REDIRECT], authMethods: ['private_key_jwt'] }],
    });
    expect(error.message).toMatch(/clients\[0\]\.jwks: private_key_jwt needs/);
  });

  it('refuses a client with no way to authenticate', () => {
    expect(refusal({ clients: [{ clientId: 'bank', redirectUris: [REDIRECT] }] }).message).toMatch(
      /clients\[0\]\.authMethods: the client has no way to authenticate/,
    );
  });
});

describe('admin API', () => {
  it("tells each persona's sub for every client (public and pairwise)", async () => {
    const { idp } = await setup({ subjectType: 'pairwise' });
    const response = await idp.fetch(new Request(`${idp.issuer}/__mock/personas`));
    const { personas } = (await response.json()) as {
      personas: { id: string; subjects: Record<string, string> }[];
    };
    const citizen = personas.find((p) => p.id === 'citizen-l2');
    expect(citizen?.subjects.rp).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(citizen?.subjects['dinhdanh-dev']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(citizen?.subjects.rp).not.toBe(citizen?.subjects['dinhdanh-dev']);
  });
});
