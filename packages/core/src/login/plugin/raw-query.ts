/**
 * Reads callback parameters from the raw query string. Unlike `URLSearchParams`, a `+`
 * stays a `+` (providers send standard base64 codes unencoded), and only `%XX` is decoded.
 */
import { DinhDanhError } from '../../errors';

/** Parses `?a=1&b=2` into a map; a repeated name or bad percent-encoding is `callback_invalid`. */
export function readRawQuery(search: string): Map<string, string> {
  const params = new Map<string, string>();
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return params;
  const pairs = query.split('&');
  if (pairs.length > 64) {
    throw new DinhDanhError('callback_invalid', 'The callback carries too many parameters.');
  }
  for (const pair of pairs) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
      value = decodeURIComponent(at === -1 ? '' : pair.slice(at + 1));
    } catch {
      throw new DinhDanhError(
        'callback_invalid',
        'The callback query is not valid percent-encoding.',
      );
    }
    if (params.has(name)) {
      throw new DinhDanhError('callback_invalid', 'The callback repeats a parameter.', {
        path: name,
      });
    }
    params.set(name, value);
  }
  return params;
}
