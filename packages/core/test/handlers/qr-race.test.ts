/**
 * A QR login polled from two tabs of one browser at the moment it is approved: exactly one
 * poll gets the session, the other a clean `qr_invalid` — whatever the provider does with a
 * device code presented twice at once, and whichever process answers (the single-use mark
 * is the relying party's replay cache: memory here, Redis across processes in
 * packages/express/test/faults/races.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuthHandlers,
  memoryReplayCache,
  memoryStore,
  type AuthHandlers,
  type QrStartResponse,
} from '@dinhdanh/core';
import { approveDevice, startOp, type TestOp } from '../support/op';
import { rpFor } from '../support/rp';
import { Jar, SECRET } from './support';

const APP = 'https://rp.example';

let op: TestOp;
beforeAll(async () => {
  op = await startOp();
});
afterAll(async () => {
  await op.close();
});

async function startApproved(auth: AuthHandlers, jar: Jar): Promise<void> {
  const start = await auth.handle(
    jar.request(`${APP}/auth/qr/start`, { method: 'POST', headers: { origin: APP } }),
  );
  expect(start.status).toBe(200);
  jar.apply(start);
  const { userCode } = (await start.json()) as QrStartResponse;
  await approveDevice(op, userCode!, { acr: 'urn:dinhdanh:loa:2' });
}

/** What each poll got: `approved` with a session cookie, or the error code. */
async function outcome(response: Response): Promise<string> {
  const body = (await response.json()) as { status?: string; error?: { code: string } };
  if (body.status === 'approved') {
    const session = response.headers
      .getSetCookie()
      .some((line) => line.startsWith('__Host-dinhdanh.session='));
    return session ? 'approved' : 'approved without a session';
  }
  return body.error?.code ?? String(body.status);
}

describe('QR poll raced from two tabs', () => {
  for (const storage of ['cookie', 'store'] as const) {
    it(`${storage} sessions, one process: exactly one poll gets the session`, async () => {
      const auth = createAuthHandlers(rpFor(op, { replayCache: memoryReplayCache() }), {
        secrets: SECRET,
        sessions: { storage, store: memoryStore() },
        requests: { default: { claims: ['name'] } },
      });
      for (let round = 0; round < 5; round += 1) {
        const jar = new Jar();
        await startApproved(auth, jar);
        const copy = new Jar();
        for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
        const responses = await Promise.all(
          [0, 1, 2].map(() => auth.handle(jar.request(`${APP}/auth/qr/poll`))),
        );
        const outcomes = await Promise.all(responses.map(outcome));
        // The polls that found the transaction held never reached the provider.
        expect(outcomes.toSorted(), outcomes.join()).toEqual(['approved', 'pending', 'pending']);
        for (const response of responses) jar.apply(response);
        // The browser's next poll finds no QR login (the winner cleared its cookie) ...
        expect(await outcome(await auth.handle(jar.request(`${APP}/auth/qr/poll`)))).toBe(
          'qr_invalid',
        );
        // ... and a copy of the QR cookie taken before the race opens no second session.
        const late = await outcome(await auth.handle(copy.request(`${APP}/auth/qr/poll`)));
        expect(['qr_invalid', 'invalid_grant']).toContain(late);
      }
    });
  }
});
