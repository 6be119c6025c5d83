import type * as z from 'zod/mini';
import { DinhDanhError } from '../errors';
import type { RelyingPartyOptions } from './schema';
import { zodMessages } from './messages';
import { relyingPartyOptionsSchema } from './schema';

/** Each issue prefixed with its path, unless its message names the path already. */
function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.join('.');
      return path === '' || issue.message.includes(path)
        ? issue.message
        : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Validates configuration, applying defaults.
 * @throws DinhDanhError `config_invalid` with what to fix.
 */
export function validateOptions(input: unknown): RelyingPartyOptions {
  const parsed = relyingPartyOptionsSchema.safeParse(input, zodMessages);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DinhDanhError(
      'config_invalid',
      `Invalid relying party configuration. ${describe(parsed.error.issues)}`,
      {
        ...(first === undefined || first.path.length === 0 ? {} : { path: first.path.join('.') }),
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/**
 * Checks that each injected dependency (`fetch`, `now`, `sleep`, ...) is a function when
 * given; zod is not used for these so the functions pass through untouched.
 * @param what - what is being configured, e.g. `relying party`.
 * @throws DinhDanhError `config_invalid` naming the first one that is not a function.
 */
export function checkFunctions(what: string, values: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && typeof value !== 'function') {
      throw new DinhDanhError(
        'config_invalid',
        `Invalid ${what} configuration. ${name} must be a function.`,
        { path: name },
      );
    }
  }
}
