/**
 * What the fuzzers found, pinned as plain tests (each failed before its fix).
 */
import { describe, expect, it } from 'vitest';
import type { DinhDanhError } from '@dinhdanh/core';
import { fakeRp, handlersFor, ORIGIN } from '../handlers/support';
import { expectNoPersonalData } from './support';

describe('fuzz findings', () => {
  it('an unknown login request name is not echoed unredacted in the error (qr/start, login)', async () => {
    const seen: DinhDanhError[] = [];
    const auth = handlersFor(fakeRp(), {
      onError: (problem) => {
        seen.push(problem);
        return new Response(null, { status: problem.status });
      },
    });
    await auth.handle(new Request(`${ORIGIN}/auth/login?request=001090481516`));
    await auth.handle(
      new Request(`${ORIGIN}/auth/qr/start`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ request: '0912345678' }),
      }),
    );
    expect(seen.map((e) => e.code)).toEqual(['input_invalid', 'input_invalid']);
    for (const error of seen) expectNoPersonalData(error, 'unknown request name');
  });
});
