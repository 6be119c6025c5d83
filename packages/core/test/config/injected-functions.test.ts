/** Injected dependencies (fetch, clock, sleep) that are not functions are refused at creation. */
import { describe, expect, it } from 'vitest';
import { createLogoutTokenVerifier, createRelyingParty, DinhDanhError } from '@dinhdanh/core';

function thrown(create: () => unknown): {
  code: string;
  path: string | undefined;
  message: string;
} {
  try {
    create();
  } catch (error) {
    if (!(error instanceof DinhDanhError)) throw error;
    return { code: error.code, path: error.path, message: error.message };
  }
  throw new Error('expected a DinhDanhError');
}

const rpConfig = {
  issuer: 'https://id.example.vn',
  clientId: 'bank',
  redirectUri: 'https://bank.example.vn/auth/callback',
  clientAuth: { method: 'client_secret_basic', clientSecret: 'bank-secret-0123456789-0123456789' },
} as const;

describe('injected functions', () => {
  for (const name of ['fetch', 'now', 'sleep'] as const) {
    it(`createRelyingParty refuses a ${name} that is not a function`, () => {
      expect(thrown(() => createRelyingParty({ ...rpConfig, [name]: 'not a function' }))).toEqual({
        code: 'config_invalid',
        path: name,
        message: `Invalid relying party configuration. ${name} must be a function.`,
      });
    });

    it(`createLogoutTokenVerifier refuses a ${name} that is not a function`, () => {
      const config = { issuer: rpConfig.issuer, clientId: rpConfig.clientId, [name]: 42 };
      expect(thrown(() => createLogoutTokenVerifier(config as never))).toEqual({
        code: 'config_invalid',
        path: name,
        message: `Invalid logout token verifier configuration. ${name} must be a function.`,
      });
    });
  }
});
