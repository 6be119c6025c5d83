/**
 * Fuzz: the CCCD QR parser and every dialect normaliser. What a card's QR or a provider's
 * claims contain is outside our control: the outcome is a parsed value or a
 * `cccd_qr_invalid` / `claims_invalid` / `claims_missing` error naming the field, never
 * its value. Both are synchronous, so the harness bounds them after the fact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIALECTS, normalizeIdentity, parseCccdQr, type Dialect } from '@dinhdanh/core';
import * as fixtures from '../claims/fixtures';
import { makePid } from '../claims/synthetic';
import { hostileText, mutate, mutation, outcome, PERSONAL, runs } from './support';

const PID = makePid('036', 1995, 'female', 246810);
const QR = `${PID}|162345678|Phạm Thu Hà|08031995|Nữ|Thôn Trung, Xã Hải Hậu, Tỉnh Nam Định|15042021`;

describe('fuzz: parseCccdQr', () => {
  it('mutated, re-fielded and arbitrary QR texts parse or fail with cccd_qr_invalid', async () => {
    const fields = QR.split('|');
    const text = fc.oneof(
      fc.array(mutation, { minLength: 1, maxLength: 3 }).map((m) => m.reduce(mutate, QR)),
      fc
        .tuple(
          fc.nat({ max: fields.length - 1 }),
          fc.oneof(hostileText, fc.constantFrom('|', '||')),
        )
        .map(([i, value]) => fields.map((f, j) => (i === j ? value : f)).join('|')),
      fc.array(hostileText, { maxLength: 12 }).map((parts) => parts.join('|')),
      hostileText,
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        await outcome('parseCccdQr', ['cccd_qr_invalid'], () => parseCccdQr(input as string));
      }),
      { numRuns: runs(400) },
    );
  });
});

/** Every synthetic wire record of the claims fixtures, with the dialect it is written in. */
const RECORDS: readonly { dialect: Dialect; sources: Record<string, unknown> }[] = Object.entries(
  fixtures,
).flatMap(([name, value]) => {
  if (typeof value !== 'object' || value === null || !('idToken' in value || 'userinfo' in value))
    return [];
  const dialect = DIALECTS.find((d) =>
    name.startsWith(d.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())),
  );
  return dialect === undefined ? [] : [{ dialect, sources: value }];
});

/** Any JSON-ish value a provider might send in place of a claim. */
const claimValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  hostileText,
  fc.constantFrom(...PERSONAL),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, [], {}, '01/01/1900', '19900230', 'Nữ', 'Nam', 'LoA2', '[]', '[{}]'),
);

/** One edit of a record: replace, delete or add a claim in the ID token or userinfo. */
const edit = fc.record({
  layer: fc.constantFrom('idToken', 'userinfo'),
  index: fc.nat(),
  action: fc.constantFrom('replace', 'delete', 'add'),
  name: hostileText,
  value: claimValue,
});

function applyEdit(
  sources: Record<string, unknown>,
  { layer, index, action, name, value }: EditValue,
): Record<string, unknown> {
  const record = { ...((sources[layer] as Record<string, unknown> | undefined) ?? {}) };
  const keys = Object.keys(record);
  const key = keys.length > 0 ? keys[index % keys.length]! : name;
  if (action === 'delete') delete record[key];
  else record[action === 'add' ? name : key] = value;
  return { ...sources, [layer]: record };
}
type EditValue = typeof edit extends fc.Arbitrary<infer T> ? T : never;

const CLAIM_CODES = ['claims_invalid', 'claims_missing'] as const;

describe('fuzz: dialect normalisers', () => {
  it('found the fixtures of every dialect', () => {
    expect(new Set(RECORDS.map((r) => r.dialect))).toEqual(new Set(DIALECTS));
  });

  it('edited fixtures of every dialect normalise or fail with a claims code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...RECORDS),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        async ({ dialect, sources }, edits) => {
          const edited = edits.reduce(applyEdit, sources);
          await outcome(`normalizeIdentity (${dialect}, edited)`, CLAIM_CODES, () =>
            normalizeIdentity(dialect, edited, fixtures.context(dialect)),
          );
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('arbitrary sources in every dialect normalise or fail with a claims code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DIALECTS),
        fc.record(
          { idToken: fc.dictionary(hostileText, claimValue), userinfo: fc.anything() },
          { requiredKeys: [] },
        ),
        async (dialect, sources) => {
          await outcome(`normalizeIdentity (${dialect}, arbitrary)`, CLAIM_CODES, () =>
            normalizeIdentity(dialect, sources as never, fixtures.context(dialect)),
          );
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
