import type * as z from 'zod/mini';
import { DinhDanhError } from '../errors';
import type { RelyingPartyOptions } from './schema';
import { zodMessages } from './messages';
import { relyingPartyOptionsSchema } from './schema';

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
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
        path: first === undefined ? '' : first.path.join('.'),
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
