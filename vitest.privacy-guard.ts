/**
 * "No personal data anywhere" (issue 21), for the whole test suite: a vitest setup file
 * (registered for every project in vitest.shared.ts) that watches, in every test file,
 *
 * - everything the SDK or the mock logs: console methods and process.stdout/stderr
 *   writes, formatted as Node would print them (objects inspected, causes included);
 * - every DinhDanhError the SDK constructs: message, `path` and the whole `cause` chain
 *   (vi.mock of core's errors module wraps the class, so no construction site escapes —
 *   including errors the SDK catches and converts, which no test ever sees);
 *
 * and scans them for personal ID numbers, legacy ID numbers, phone numbers, e-mail
 * addresses and JWTs (vitest.personal-data.ts: redact()'s output does not match). Snapshots
 * are files, scanned by packages/core/test/privacy/snapshots.test.ts.
 *
 * Design, and why:
 * - Only what the SDK or the mock produced counts. Fixtures are full of synthetic ID
 *   numbers, and tests log or build errors from them on purpose; a finding is kept only
 *   when the stack of the log call or of the construction of the error (for a cause: of
 *   that cause) has its first frame outside this file, errors.ts, Node and dependencies
 *   in `packages/<pkg>/src/`. So an app error a test's hook throws, which the SDK keeps
 *   as `cause`, is the app's; a jose error the SDK keeps is the SDK's. The stack is read
 *   only when a pattern matched: the common path is a few regex tests per error or line.
 * - A finding fails the test that produced it, in an afterEach hook (afterAll for
 *   anything logged outside a test): the failure names the test, the kind of data and the
 *   source line, never the value. No per-worker files, no final cross-process step that
 *   could run before a worker finishes or be skipped by a filtered run; `vitest run x`
 *   checks exactly what it runs.
 * - Nothing is timed and nothing depends on order, so it cannot make the suite flaky; the
 *   cost is one subclass per DinhDanhError and one wrapper per console call.
 * - Out of reach: processes the tests spawn (the mock's CLI, Bun, Deno, workerd,
 *   Chromium) — their output is read by those tests, which assert on it themselves.
 */
import { format } from 'node:util';
import { afterAll, afterEach, vi } from 'vitest';
import { errorChain, personalDataIn } from './vitest.personal-data';

interface Finding {
  readonly what: string;
  readonly kinds: readonly string[];
  readonly where: string;
}

const findings: Finding[] = [];
const SDK_SOURCE = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/;
const OWN_FRAMES =
  /vitest\.privacy-guard\.ts|[\\/]packages[\\/]core[\\/]src[\\/]errors\.ts|node:|node_modules/;

/** The first stack frame that is not this guard, errors.ts, Node or a dependency. */
function origin(stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return frames.find((line) => !OWN_FRAMES.test(line))?.trim() ?? 'unknown';
}

function check(what: string, texts: readonly string[], stack: () => string | undefined): void {
  const kinds = [...new Set(texts.flatMap(personalDataIn))];
  if (kinds.length === 0) return;
  const where = origin(stack());
  if (SDK_SOURCE.test(where)) findings.push({ what, kinds, where });
}

/**
 * An error is checked link by link: each error in the `cause` chain is attributed to
 * where it was made. A cause the app made (a test's `onLogin` throwing its own error)
 * is the app's to log; one made by the SDK or a dependency it called is the SDK's.
 * Non-error causes are attributed to the error that carries them.
 */
function checkError(error: Error & { code?: string }): void {
  let carrier: Error = error;
  for (const { holder, texts } of errorChain(error)) {
    if (holder instanceof Error) carrier = holder;
    const owner = carrier;
    check(
      `DinhDanhError ${error.code ?? ''} (${owner === error ? 'message' : 'cause'})`,
      texts,
      () => owner.stack,
    );
  }
}

// Every DinhDanhError the SDK makes, checked as it is made.
vi.mock(import('./packages/core/src/errors.ts'), async (importOriginal) => {
  const original = await importOriginal();
  class DinhDanhError extends original.DinhDanhError {
    constructor(...args: ConstructorParameters<typeof original.DinhDanhError>) {
      super(...args);
      checkError(this);
    }
  }
  return { ...original, DinhDanhError };
});

// Everything logged.
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const write = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    check(`console.${method}`, [format(...args)], () => new Error().stack);
    write(...args);
  };
}
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = (chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : '';
    check('process output', [text], () => new Error().stack);
    return write(chunk, ...rest);
  };
}

// So that packages/core/test/privacy can tell the guard is installed.
Object.assign(globalThis, { [Symbol.for('dinhdanh.privacyGuard')]: true });

function report(when: string): void {
  if (findings.length === 0) return;
  const lines = findings.splice(0).map((f) => `- ${f.what}: ${f.kinds.join(', ')} (${f.where})`);
  throw new Error(`Personal data or tokens, unredacted, ${when}:\n${lines.join('\n')}`);
}

afterEach(() => report('in what the SDK logged or put in an error during this test'));
afterAll(() => report('in what the SDK logged or put in an error outside a test'));
