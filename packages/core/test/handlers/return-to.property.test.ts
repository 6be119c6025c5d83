import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReturnTo } from '../../src/handlers/return-to';
import { ORIGIN } from './support';

const tricky = fc.constantFrom(
  '/',
  '\\',
  '%2F',
  '%5C',
  '%252F',
  '\t',
  '\n',
  ':',
  '@',
  '.',
  '..',
  'evil.com',
  '?',
  '#',
  ' ',
  '%',
  'a',
);

describe('checkReturnTo properties', () => {
  it('anything it accepts resolves to this origin, as a path that is not a network path', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')),
        ),
        (input) => {
          let accepted: string;
          try {
            accepted = checkReturnTo(input, ORIGIN);
          } catch (error) {
            expect(error).toMatchObject({ code: 'return_to_invalid' });
            return;
          }
          expect(accepted.startsWith('/')).toBe(true);
          expect(accepted.startsWith('//')).toBe(false);
          expect(accepted).not.toContain('\\');
          expect(new URL(accepted, ORIGIN).origin).toBe(ORIGIN);
          // Browsers resolve the Location header the same way after any decoding round.
          expect(
            new URL(decodeURIComponent(accepted.replace(/%(?![0-9a-f]{2})/gi, '%25')), ORIGIN)
              .origin,
          ).toBe(ORIGIN);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
