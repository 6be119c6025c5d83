// Every attack of a hostile provider is refused with its exact code and path, and the
// error says nothing a log must not hold (no token, no personal ID number).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDinhDanhError } from '@dinhdanh/core';
import { ATTACKS } from './cases';
import { PID, startHostileProvider, type HostileProvider } from './provider';

let hp: HostileProvider;
beforeEach(async () => {
  hp = await startHostileProvider();
});
afterEach(async () => {
  await hp.close();
});

describe('a hostile provider is refused with the exact code and path', () => {
  it.each(ATTACKS.map((c) => [c.attack, c] as const))('%s', async (_attack, attack) => {
    let caught: unknown;
    try {
      await attack.run(hp);
    } catch (error) {
      caught = error;
    }
    expect(isDinhDanhError(caught), String(caught)).toBe(true);
    if (!isDinhDanhError(caught)) return;
    expect({ code: caught.code, path: caught.path }).toEqual({
      code: attack.code,
      path: attack.path,
    });
    const shown = `${caught.message} ${JSON.stringify(caught.toJSON())}`;
    expect(shown).not.toMatch(/eyJ[\w-]*\./);
    expect(shown).not.toContain(PID);
    expect(shown).not.toContain('hostile-access-token');
  });
});
