/**
 * core validates with `zod/mini`, which loads no locale: the options and login-option
 * errors must still carry zod's English messages, whatever the application configured in
 * zod's global (process-wide) configuration.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createAuthHandlers, createRelyingParty, isDinhDanhError } from '@dinhdanh/core';

const base = {
  issuer: 'https://idp.example',
  clientId: 'bank',
  redirectUri: 'https://bank.example/callback',
  clientAuth: {
    method: 'client_secret_basic' as const,
    clientSecret: 'a-development-secret-of-32-bytes!!',
  },
};

function errorOf(fn: () => unknown): { code: string; message: string; path?: string } {
  try {
    fn();
  } catch (error) {
    if (isDinhDanhError(error))
      return {
        code: error.code,
        message: error.message,
        ...(error.path ? { path: error.path } : {}),
      };
    throw error;
  }
  throw new Error('expected a DinhDanhError, nothing was thrown');
}

const global = z.config();
let saved: typeof global;

beforeEach(() => {
  saved = { ...global };
  // No locale loaded (what a process without classic zod has), and an application map
  // that core must not pick up.
  delete global.localeError;
  global.customError = () => 'the application message';
});

afterEach(() => {
  for (const key of Object.keys(global)) delete global[key as keyof typeof global];
  Object.assign(global, saved);
});

describe("zod's English messages in errors, whatever the global zod configuration", () => {
  it('configuration errors name the field and what zod expected', () => {
    const error = errorOf(() =>
      createRelyingParty({ ...base, clockTolerance: 1.5, par: 'maybe' as 'auto' }),
    );
    expect(error).toEqual({
      code: 'config_invalid',
      message:
        'Invalid relying party configuration. par: Invalid option: expected one of "auto"|"required"|"off"; clockTolerance: Invalid input: expected int, received number',
      path: 'par',
    });
  });

  it('our own messages stay ours', () => {
    expect(errorOf(() => createRelyingParty({ ...base, clientId: '' })).message).toBe(
      'Invalid relying party configuration. clientId is empty.',
    );
  });

  it('says the path once when the message names it already', () => {
    const error = errorOf(() =>
      createRelyingParty({
        ...base,
        clientAuth: { method: 'client_secret_basic', clientSecret: 'short' },
      }),
    );
    expect(error.message).toBe(
      'Invalid relying party configuration. clientAuth.clientSecret is shorter than 32 bytes: use the full secret the provider issued (or private_key_jwt).',
    );
    expect(error.path).toBe('clientAuth.clientSecret');
  });

  it('login option errors too', async () => {
    const rp = createRelyingParty(base);
    await expect(rp.startLogin({ maxAge: -1 })).rejects.toMatchObject({
      code: 'input_invalid',
      message: 'Invalid login option maxAge: Too small: expected number to be >=0',
    });
    await expect(rp.startLogin({ purpose: ' ' })).rejects.toMatchObject({
      code: 'input_invalid',
      message: 'Invalid login options: purpose Too small: expected string to have >=1 characters',
    });
  });

  it('named request errors too', () => {
    const rp = createRelyingParty(base);
    const error = errorOf(() =>
      createAuthHandlers(rp, {
        secrets: 'a-session-secret-of-at-least-32-bytes!!',
        requests: { broad: { level: 3 as 2 } },
      }),
    );
    expect(error.code).toBe('config_invalid');
    expect(error.message).not.toContain('the application message');
    expect(error.message).toMatch(/Invalid input/);
    expect(error.message).toContain('level');
  });
});
