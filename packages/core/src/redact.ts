/**
 * Masking of personal data and credentials for logs, error reports and snapshots.
 * Personal ID numbers keep their last 3 digits, phone numbers their last 3 digits,
 * e-mail addresses their first character and domain; JWTs and secrets are removed whole.
 */

const MASK = '*';
const REDACTED = '[redacted]';

/** Object keys whose values are credentials: replaced whole, whatever their shape. */
const SECRET_KEYS = new Set(
  [
    'access_token',
    'refresh_token',
    'id_token',
    'logout_token',
    'device_code',
    'code',
    'code_verifier',
    'client_secret',
    'client_assertion',
    'assertion',
    'password',
    'secret',
    'secrets',
    'private_key',
    'privatekey',
    'authorization',
    'cookie',
    'set-cookie',
    'dpop',
    'encrypt_key',
    'key',
    'd',
    'p',
    'q',
    'dp',
    'dq',
    'qi',
    'k',
    'accesstoken',
    'refreshtoken',
    'idtoken',
    'clientsecret',
    'codeverifier',
  ].map((k) => k.toLowerCase()),
);

const PATTERNS: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  // JWS (3 parts) and JWE (5 parts) compact serialisations: the header always starts eyJ.
  [/eyJ[\w-]*\.[\w-]*\.[\w-]*(?:\.[\w-]*\.[\w-]*)?/g, () => '[redacted jwt]'],
  [/\b(Bearer|DPoP|Basic)\s+[\w~+/.=-]+/gi, (_m, scheme) => `${scheme} ${REDACTED}`],
  [
    /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g,
    (_m, first, domain) => `${first}***@${domain}`,
  ],
  // Vietnamese phone numbers: +84 / 84 / 0 then a mobile or landline prefix, separators allowed.
  [/(?<![\d+])(?:\+84|84|0)[\s.-]?[1-9](?:[\s.-]?\d){7,9}(?!\d)/g, keepLastDigits],
  // Personal ID numbers (12 digits) and legacy CMND (9 digits).
  [/(?<!\d)(?:\d{12}|\d{9})(?!\d)/g, keepLastDigits],
];

function keepLastDigits(match: string): string {
  const digits = match.replace(/\D/g, '');
  const prefix = match.startsWith('+') ? '+' : '';
  return prefix + MASK.repeat(Math.max(digits.length - 3, 0)) + digits.slice(-3);
}

function redactString(value: string): string {
  let out = value;
  for (const [pattern, replace] of PATTERNS) {
    out = out.replace(pattern, replace as (substring: string, ...args: unknown[]) => string);
  }
  return out;
}

function redactValue(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return redactString(value.toString());
  // A personal ID number or phone that lost its leading zeros to JSON is still personal data.
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) >= 1e8 ? REDACTED : value;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(redactValue(item, seen));
    return out;
  }
  if (value instanceof Error) {
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    out['name'] = value.name;
    out['message'] = redactString(value.message);
    for (const [k, v] of Object.entries(value)) out[k] = redactEntry(k, v, seen);
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = redactEntry(k, v, seen);
  return out;
}

function redactEntry(key: string, value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (SECRET_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null) {
    return REDACTED;
  }
  return redactValue(value, seen);
}

/**
 * Masks personal ID numbers (12 digits, and legacy 9-digit CMND), Vietnamese phone
 * numbers, e-mail local parts, JWTs, bearer credentials and secret-named fields in a
 * string or any JSON-like value (objects, arrays, errors; cycles are safe).
 * The input is not modified.
 *
 * @param value - a string, or any object to log.
 * @returns a masked copy; strings stay strings, objects become plain objects.
 * @example
 * ```ts
 * redact('citizen 001090012345, phone 0912345678');
 * // 'citizen *********345, phone *******678'
 * logger.info(redact({ identity, tokens }));
 * ```
 */
export function redact<T>(value: T): T extends string ? string : unknown {
  return redactValue(value, new WeakMap()) as T extends string ? string : unknown;
}
