/**
 * Internal: the portal's `loAs` claim — entries `{ claim, level, src, validDate,
 * expired_date }` as a JSON string, an array or one object. The level of the login is the
 * highest `level` among entries valid today.
 */
import { normalizeDate } from '../dates';
import { invalid } from '../fail';
import type { AssuranceLevel } from '../identity';
import { field, isRecord } from '../text';
import { readLevel } from './common';

const MAX_JSON = 20_000;
const MAX_ENTRIES = 50;

function parse(value: unknown, path: string): unknown {
  if (typeof value !== 'string') return value;
  if (value.length > MAX_JSON) return invalid(path, `JSON of at most ${MAX_JSON} characters`);
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return invalid(path, 'JSON level-of-assurance entries');
  }
}

/** The highest level among the entries valid on `today` (ISO date), or undefined. */
export function readLoAs(value: unknown, path: string, today: string): AssuranceLevel | undefined {
  const parsed = parse(value, path);
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (entries.length > MAX_ENTRIES) return invalid(path, `at most ${MAX_ENTRIES} entries`);
  let best: AssuranceLevel | undefined;
  entries.forEach((entry, i) => {
    const at = Array.isArray(parsed) ? `${path}[${i}]` : path;
    if (!isRecord(entry)) return invalid(at, 'a level-of-assurance object');
    const level = field(entry, 'level', at, readLevel) ?? invalid(`${at}.level`, 'a level');
    const validFrom = field(entry, 'validDate', at, normalizeDate);
    const expires = field(entry, 'expired_date', at, normalizeDate);
    if (validFrom !== undefined && validFrom > today) return;
    if (expires !== undefined && expires < today) return;
    if (best === undefined || level > best) best = level;
  });
  return best;
}
