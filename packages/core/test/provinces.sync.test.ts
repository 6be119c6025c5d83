import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { render } from '../../../scripts/sync-provinces.mjs';

const shared = fileURLToPath(new URL('../../../../shared/data/provinces.json', import.meta.url));
const copy = fileURLToPath(new URL('../src/claims/provinces.data.ts', import.meta.url));

describe('provinces data', () => {
  it.skipIf(!existsSync(shared))('is the generated copy of shared/data/provinces.json', () => {
    const wanted = (render as (json: string) => string)(readFileSync(shared, 'utf8'));
    expect(readFileSync(copy, 'utf8')).toBe(wanted);
  });
});
