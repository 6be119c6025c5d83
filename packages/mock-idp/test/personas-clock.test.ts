/**
 * Built-in personas never expire: run at dates years ahead, every one still passes the
 * persona schema, the child is still under 14 and the health insurance cards are valid on
 * the mock's own clock.
 */
import { describe, expect, it } from 'vitest';
import { createMockIdp, personaInputSchema } from '../src/index';

const DATES = [
  '2026-12-03T08:00:00Z',
  '2026-12-31T17:30:00Z', // already 1 January in Vietnam
  '2030-09-11T00:00:00Z', // the day after the old child persona turned 14
  '2036-06-01T00:00:00Z',
  '2051-02-28T12:00:00Z',
  '2105-07-01T00:00:00Z', // the child is born in the 2090s: century digits still match
];

function vietnamDay(at: number): string {
  return new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
}

describe('built-in personas on the mock clock', () => {
  for (const date of DATES) {
    it(`are valid and current at ${date}`, () => {
      const at = Date.parse(date);
      const idp = createMockIdp({ now: () => at });
      const today = vietnamDay(at);
      for (const persona of idp.personas) {
        expect(personaInputSchema.safeParse(persona).success, persona.id).toBe(true);
        const card = persona.attributes.healthInsurance;
        if (card !== undefined) {
          expect(card.validFrom! <= today, persona.id).toBe(true);
          expect(card.validTo! >= today, persona.id).toBe(true);
        }
      }
      const child = idp.personas.find((p) => p.id === 'child')!;
      const [year, month, day] = child.attributes.birthdate!.split('-').map(Number);
      const fourteenth = `${year! + 14}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      expect(fourteenth > today).toBe(true);
      expect(child.attributes.pid!.slice(4, 6)).toBe(String(year! % 100).padStart(2, '0'));
    });
  }
});
