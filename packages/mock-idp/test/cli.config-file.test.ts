import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isDinhDanhError } from '@dinhdanh/core';
import { loadConfigFile } from '../src/config-file';
import { parseCommand } from '../src/cli';

// Written at run time: an invalid JSON file in the repository would break format checks.
const notJson = join(mkdtempSync(join(tmpdir(), 'mock-idp-cli-')), 'not-json.json');
writeFileSync(notJson, '{ "clients": [ }');

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/cli/${name}`, import.meta.url));

async function configError(name: string) {
  const file = name === 'not-json.json' ? notJson : fixture(name);
  const error: unknown = await loadConfigFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDinhDanhError(error, 'config_invalid')).toBe(true);
  return error as Error;
}

describe('config file', () => {
  it('loads a valid file as written', async () => {
    const options = await loadConfigFile(fixture('good.json'));
    expect(options.autoApprove).toBe(true);
    expect(options.clients?.[0]?.clientId).toBe('ci-bank');
  });

  it('names the file, the field path and the problem', async () => {
    const error = await configError('bad-redirect.json');
    expect(error.message).toContain(fixture('bad-redirect.json'));
    expect(error.message).toMatch(/clients\[0\]\.redirectUris\[0\]: /);
  });

  it('reports a schema rule in its own words', async () => {
    const error = await configError('short-secret.json');
    expect(error.message).toContain(
      'clients[0].clientSecret: clientSecret must be at least 32 characters',
    );
  });

  it('refuses unknown top-level fields (typos are not ignored)', async () => {
    const error = await configError('unknown-field.json');
    expect(error.message).toContain('(top level): unknown field clinets');
  });

  it('says when the file is not JSON or missing', async () => {
    expect((await configError('not-json.json')).message).toMatch(/not-json\.json: not valid JSON/);
    expect((await configError('missing.json')).message).toMatch(/missing\.json: file not found/);
  });
});

describe('command line and environment', () => {
  it('defaults to 127.0.0.1:9400', () => {
    expect(parseCommand([], {})).toEqual({ kind: 'start', port: 9400, host: '127.0.0.1' });
  });

  it('reads DINHDANH_MOCK_* variables', () => {
    expect(
      parseCommand([], {
        DINHDANH_MOCK_PORT: '0',
        DINHDANH_MOCK_HOST: '::1',
        DINHDANH_MOCK_ISSUER: 'http://idp.test',
        DINHDANH_MOCK_CONFIG: 'c.json',
        DINHDANH_MOCK_AUTO_APPROVE: 'true',
        DINHDANH_MOCK_ADMIN: '1',
      }),
    ).toEqual({
      kind: 'start',
      port: 0,
      host: '::1',
      issuer: 'http://idp.test',
      config: 'c.json',
      autoApprove: true,
      admin: true,
    });
  });

  it('lets flags win over the environment', () => {
    const command = parseCommand(
      [
        '--port',
        '9500',
        '--host',
        '0.0.0.0',
        '--issuer',
        'http://a.test',
        '--config',
        'a.json',
        '--auto-approve',
        '--admin',
      ],
      {
        DINHDANH_MOCK_PORT: '1',
        DINHDANH_MOCK_HOST: 'h',
        DINHDANH_MOCK_ISSUER: 'http://b.test',
        DINHDANH_MOCK_CONFIG: 'b.json',
        DINHDANH_MOCK_AUTO_APPROVE: '0',
        DINHDANH_MOCK_ADMIN: 'false',
      },
    );
    expect(command).toEqual({
      kind: 'start',
      port: 9500,
      host: '0.0.0.0',
      issuer: 'http://a.test',
      config: 'a.json',
      autoApprove: true,
      admin: true,
    });
  });

  it('answers help and version', () => {
    expect(parseCommand(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseCommand(['-v'], {})).toEqual({ kind: 'version' });
  });

  it.each([
    [['--port', 'abc'], {}, /--port must be a port number/],
    [['--port', '70000'], {}, /--port must be a port number/],
    [[], { DINHDANH_MOCK_PORT: '-1' }, /DINHDANH_MOCK_PORT must be a port number/],
    [[], { DINHDANH_MOCK_ADMIN: 'maybe' }, /DINHDANH_MOCK_ADMIN must be/],
    [['--frobnicate'], {}, /frobnicate/],
    [['extra'], {}, /extra/],
  ] as const)('rejects bad usage %j %j', (argv, env, message) => {
    expect(() => parseCommand(argv, env)).toThrow(message);
  });
});
