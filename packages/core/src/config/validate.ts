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
