/**
 * `zod/mini` loads no locale, so an issue without a message of our own would read only
 * "Invalid input". Where a zod message reaches an error that says what to fix (options,
 * login requests, named requests), parse with {@link zodMessages}: zod's English messages,
 * passed per parse, so the application's `customError`/`localeError` cannot change those
 * messages and core never sets a locale for the application. zod keeps the rest of its
 * configuration process-wide (on `globalThis`): `jitless` and the like still apply to the
 * copy of zod bundled into core.
 */
import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

let english: z.core.$ZodErrorMap | undefined;

/** Parse parameters giving zod's English message to every issue without one of its own. */
export const zodMessages: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => (english ??= en().localeError)(issue),
};
