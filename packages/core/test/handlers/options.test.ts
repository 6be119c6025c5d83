import { describe, expect, it } from 'vitest';
import { fakeRp, handlersFor } from './support';

describe('createAuthHandlers options', () => {
  it('checks that every function option is a function, naming it', () => {
    for (const name of ['onError', 'onLogin', 'now'] as const) {
      expect(() => handlersFor(fakeRp(), { [name]: 'not a function' })).toThrow(
        expect.objectContaining({ code: 'config_invalid', path: name }),
      );
    }
    expect(() => handlersFor(fakeRp(), { sessions: { keepIdentity: {} as never } })).toThrow(
      expect.objectContaining({ code: 'config_invalid', path: 'sessions.keepIdentity' }),
    );
  });

  it('refuses options of the wrong type instead of ignoring them', () => {
    for (const options of [
      { providerLogout: 'no' },
      { requireCsrfToken: 1 },
      { meAttributes: ['not-an-attribute'] },
      { secureCookies: 'yes' },
    ]) {
      expect(() => handlersFor(fakeRp(), options as never)).toThrow(
        expect.objectContaining({ code: 'config_invalid' }),
      );
    }
  });
});
