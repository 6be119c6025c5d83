/** Synthetic people for the claims tests: valid-structure numbers, never real ones. */

/** A personal ID number with the given province, birth year and gender; `serial` fills digits 7-12. */
export function makePid(
  province: string,
  birthYear: number,
  gender: 'male' | 'female',
  serial = 123456,
): string {
  const centuryDigit = (Math.floor(birthYear / 100) - 19) * 2 + (gender === 'female' ? 1 : 0);
  return `${province}${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

/** Expects `fn` to throw a DinhDanhError with this code and path, whose message hides `secret`. */
export function captureError(fn: () => unknown): {
  code: string;
  path: string | undefined;
  message: string;
} {
  try {
    fn();
  } catch (error) {
    const e = error as { name?: string; code?: string; path?: string; message?: string };
    if (e.name !== 'DinhDanhError') throw error;
    return { code: e.code ?? '', path: e.path, message: e.message ?? '' };
  }
  throw new Error('expected a DinhDanhError, nothing was thrown');
}
