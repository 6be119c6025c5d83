/**
 * The fuzz harness: every target's only allowed outcomes are a success or a
 * DinhDanhError with an expected code, within a time bound, whose message and cause
 * chain carry no personal data or token. `.ci/run` uses each target's small default;
 * `pnpm fuzz` sets FUZZ_RUNS for long runs.
 */
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { isDinhDanhError, type DinhDanhError, type DinhDanhErrorCode } from '@dinhdanh/core';
import { errorTexts, personalDataIn } from '../../../../vitest.personal-data';

/** Inputs per property: FUZZ_RUNS when set (pnpm fuzz), else the target's CI default. */
export function runs(ciDefault: number): number {
  const fromEnv = Number(process.env['FUZZ_RUNS']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciDefault;
}

/**
 * Longest one input may take. Generous: the machine is shared and RSA in node-forge
 * takes tens of milliseconds; a hang or catastrophic backtracking takes far longer.
 */
export const TIME_BOUND_MS = Number(process.env['FUZZ_TIME_BOUND_MS'] ?? 5_000);

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DinhDanhError };

const counters = new Map<string, { inputs: number; ms: number }>();

/** Prints, once per file, how many inputs each target ran and how long they took. */
afterAll(() => {
  for (const [target, { inputs, ms }] of counters) {
    console.info(`[fuzz] ${target}: ${inputs} inputs in ${Math.round(ms)} ms`);
  }
});

/** Fails (with the kinds found, never the values) when an error shows personal data. */
export function expectNoPersonalData(error: unknown, where: string): void {
  for (const text of errorTexts(error)) {
    const kinds = personalDataIn(text);
    if (kinds.length > 0) throw new Error(`${where}: the error shows a ${kinds.join(', ')}`);
  }
}

/**
 * Runs one input of `target`: a success, or a DinhDanhError whose code is in `codes`,
 * within {@link TIME_BOUND_MS} and with nothing personal in the error. Anything else
 * throws (fast-check then shrinks the input).
 */
export async function outcome<T>(
  target: string,
  codes: readonly DinhDanhErrorCode[],
  run: () => Promise<T> | T,
): Promise<Outcome<T>> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${target}: no answer within ${TIME_BOUND_MS} ms`)),
      TIME_BOUND_MS,
    );
  });
  let result: Outcome<T>;
  try {
    result = { ok: true, value: await Promise.race([Promise.resolve().then(run), hang]) };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${target}: no answer`)) throw error;
    if (!isDinhDanhError(error)) {
      const name = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
      throw new Error(`${target}: threw something that is not a DinhDanhError (${name})`, {
        cause: error,
      });
    }
    if (!codes.includes(error.code)) {
      throw new Error(`${target}: unexpected code ${error.code}`, { cause: error });
    }
    expectNoPersonalData(error, target);
    result = { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
  const elapsed = performance.now() - started;
  // A synchronous target cannot be raced: bound it after the fact.
  if (elapsed > TIME_BOUND_MS) throw new Error(`${target}: took ${Math.round(elapsed)} ms`);
  const counter = counters.get(target) ?? { inputs: 0, ms: 0 };
  counter.inputs += 1;
  counter.ms += elapsed;
  counters.set(target, counter);
  return result;
}

/** Byte-level mutations of a string an attacker holds (a seal, a JWT, an envelope part). */
export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'repeat'; readonly times: number };

const OVERSIZED = 2 * 1024 * 1024;

/** Applies a mutation; positions wrap around the string's length. */
export function mutate(text: string, mutation: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, at(mutation.at));
    case 'flip': {
      const i = at(mutation.at) % Math.max(text.length, 1);
      const code = text.charCodeAt(i) ^ (1 << mutation.bit);
      return text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1);
    }
    case 'insert':
      return text.slice(0, at(mutation.at)) + mutation.text + text.slice(at(mutation.at));
    case 'repeat':
      // Oversized, but bounded: past every limit the SDK sets (64 KiB seals, 1 MiB bodies).
      return text
        .repeat(Math.min(mutation.times, Math.ceil(OVERSIZED / Math.max(text.length, 1))))
        .slice(0, OVERSIZED);
  }
}

/**
 * Synthetic personal data and a token, mixed into inputs: an error that echoes its input
 * would show one of these, and the harness would see it.
 */
export const PERSONAL = [
  '001090481516',
  '012345678',
  '0912345678',
  '+84912345678',
  'mai.tran@example.vn',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDEwOTA0ODE1MTYifQ.c2lnbmF0dXJl',
] as const;

/** Mutations; `repeat` makes oversized inputs (up to 4 copies, then past any limit). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('.', '..', '=', '+', '%2B', ' ')),
  }),
  fc.record({ kind: fc.constant('repeat' as const), times: fc.constantFrom(2, 4, 2_000) }),
);

/** Text that looks like what an attacker sends: ASCII, unicode, base64-ish, digits. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 32 }),
  fc.string({ unit: 'binary', maxLength: 32 }),
  fc.base64String({ maxLength: 120 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,40}(\.[A-Za-z0-9_-]{0,40}){0,4}$/),
  fc.constantFrom('', ' ', '%', '%%', '%ZZ', '%00', '+', '\u0000', '\uD800', 'null', '[]', '{}'),
  fc.constantFrom(...PERSONAL),
);
