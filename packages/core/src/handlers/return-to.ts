import { DinhDanhError } from '../errors';

const MAX_RETURN_TO_LENGTH = 2048;

function refuse(): DinhDanhError {
  return new DinhDanhError(
    'return_to_invalid',
    '`returnTo` must be a relative path on this site, starting with a single "/" (for example /accounts).',
  );
}

function decodeRepeatedly(value: string): string {
  let current = value;
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      throw refuse();
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function looksExternal(path: string): boolean {
  // `//host`, `/\host` and `\\host` are network paths to browsers; control characters
  // (tab, newline) are stripped by URL parsers and can turn `/\t/host` into `//host`.
  return (
    !path.startsWith('/') ||
    path.startsWith('//') ||
    path.includes('\\') ||
    [...path].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
  );
}

/**
 * Checks that `returnTo` is a same-origin relative path and returns it normalised
 * (path, query and fragment as the URL parser resolves them against `origin`).
 * Encoded tricks (`/%2F%2Fevil.com`, `/%5Cevil.com`) are refused too.
 *
 * @throws `return_to_invalid` for anything else.
 */
export function checkReturnTo(returnTo: unknown, origin: string): string {
  if (
    typeof returnTo !== 'string' ||
    returnTo.length === 0 ||
    returnTo.length > MAX_RETURN_TO_LENGTH
  ) {
    throw refuse();
  }
  if (looksExternal(returnTo) || looksExternal(decodeRepeatedly(returnTo))) throw refuse();
  let resolved: URL;
  try {
    resolved = new URL(returnTo, origin);
  } catch {
    throw refuse();
  }
  if (resolved.origin !== new URL(origin).origin) throw refuse();
  const normalised = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  if (looksExternal(normalised)) throw refuse();
  return normalised;
}
