import { describe, expect, it } from 'vitest';
import { memoryStore, type MeResponse, type SessionStore } from '@dinhdanh/core';
// Internal: only to seal a pointer the way releases before the one-read pointer did.
import { sealValue } from '../../src/seal/seal';
import {
  clock,
  fakeRp,
  handlersFor,
  Jar,
  loginWith,
  ORIGIN,
  SECRET,
  T0,
} from '../handlers/support';

type Call = { op: string; keys: string[] };

/** A memory store that records every call; `multi: false` hides its getMany. */
function countingStore(multi = true): { store: SessionStore; calls: Call[]; inner: SessionStore } {
  const inner = memoryStore({ now: () => clock.now });
  const calls: Call[] = [];
  const store: SessionStore = {
    get: (key) => (calls.push({ op: 'get', keys: [key] }), inner.get(key)),
    set: (key, value, ttl) => (calls.push({ op: 'set', keys: [key] }), inner.set(key, value, ttl)),
    delete: (key) => (calls.push({ op: 'delete', keys: [key] }), inner.delete(key)),
  };
  if (multi) {
    store.getMany = (keys) => {
      calls.push({ op: 'getMany', keys: [...keys] });
      return inner.getMany!(keys);
    };
  }
  return { store, calls, inner };
}

async function status(auth: ReturnType<typeof handlersFor>, jar: Jar): Promise<string> {
  const response = await auth.me(jar.request(`${ORIGIN}/auth/me`));
  return ((await response.json()) as MeResponse).status;
}

function backchannel(auth: ReturnType<typeof handlersFor>, token: string): Promise<Response> {
  return auth.backchannelLogout(
    new Request(`${ORIGIN}/auth/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `logout_token=${token}`,
    }),
  );
}

describe('reading a session takes one store call', () => {
  for (const storage of ['store', 'cookie'] as const) {
    it(`${storage} sessions: the record (if any) and every revocation mark in one getMany`, async () => {
      clock.now = T0;
      const { store, calls } = countingStore();
      const auth = handlersFor(fakeRp(), { sessions: { store, storage } });
      const jar = new Jar();
      await loginWith(auth, jar);
      calls.length = 0;
      expect(await status(auth, jar)).toBe('authenticated');
      expect(calls.map((c) => c.op)).toEqual(['getMany']);
      const keys = calls[0]!.keys;
      expect(keys.some((k) => k.startsWith('ended:'))).toBe(true);
      expect(keys.some((k) => k.startsWith('revoked-sub:'))).toBe(true);
      expect(keys.some((k) => k.startsWith('revoked-sid:'))).toBe(true);
      expect(keys.some((k) => k.startsWith('session:'))).toBe(storage === 'store');
    });
  }

  for (const multi of [true, false]) {
    for (const storage of ['store', 'cookie'] as const) {
      it(`${storage} sessions ${multi ? 'with' : 'without'} getMany: back-channel logout by sid, then by sub, ends the session`, async () => {
        for (const token of ['sid:op-session-1', 'sub:citizen-1']) {
          clock.now = T0;
          const { store } = countingStore(multi);
          const auth = handlersFor(fakeRp(), { sessions: { store, storage } });
          const jar = new Jar();
          await loginWith(auth, jar);
          expect(await status(auth, jar)).toBe('authenticated');
          clock.now = T0 + 1000;
          expect((await backchannel(auth, token)).status).toBe(200);
          expect(await status(auth, jar)).toBe('anonymous');
        }
      });
    }
  }

  it('store sessions: a record that is not the session the pointer names is no session', async () => {
    clock.now = T0;
    const { store, calls, inner } = countingStore();
    const auth = handlersFor(fakeRp(), { sessions: { store, storage: 'store' } });
    const jar = new Jar();
    await loginWith(auth, jar);
    const key = calls.find((c) => c.op === 'set' && c.keys[0]!.startsWith('session:'))!.keys[0]!;
    const record = JSON.parse((await inner.get(key))!) as Record<string, unknown>;
    // The marks read with it were the pointer's subject's, not this one's.
    await inner.set(key, JSON.stringify({ ...record, sub: 'citizen-2' }), 3600);
    expect(await status(auth, jar)).toBe('anonymous');
    await inner.set(key, JSON.stringify(record), 3600);
    expect(await status(auth, jar)).toBe('authenticated');
  });

  it('store sessions: a pointer sealed with the id alone (older releases) still reads, marks included', async () => {
    clock.now = T0;
    const { store, calls } = countingStore();
    const auth = handlersFor(fakeRp(), { sessions: { store, storage: 'store' } });
    const jar = new Jar();
    await loginWith(auth, jar);
    const key = calls.find((c) => c.op === 'set' && c.keys[0]!.startsWith('session:'))!.keys[0]!;
    const id = key.slice('session:'.length);
    const old = await sealValue(
      'session-ref',
      { id },
      { secrets: SECRET, ttl: 3600, now: () => clock.now },
    );
    const oldJar = new Jar();
    const name = [...jar.cookies.keys()].find((n) => n.includes('session'))!;
    oldJar.cookies.set(name, old);
    expect(await status(auth, oldJar)).toBe('authenticated');
    clock.now = T0 + 1000;
    expect((await backchannel(auth, 'sub:citizen-1')).status).toBe(200);
    expect(await status(auth, oldJar)).toBe('anonymous');
  });
});
