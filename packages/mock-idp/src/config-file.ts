/**
 * The CLI's `--config <file.json>`: one JSON document with the shape of the options of
 * `createMockIdp` (clients, personas, dialects, lifetimes, algorithms), validated on
 * load. Problems name the file, the field path and what is wrong, so a tester can fix
 * the file without reading the source.
 */
import { readFile } from 'node:fs/promises';
import { DinhDanhError } from '@dinhdanh/core';
import { describeConfigIssues, formatPath } from './config-issues';
import { mockIdpOptionsSchema, withClientDefaults, type MockIdpOptions } from './options';

export { describeConfigIssues } from './config-issues';

// A file cannot hold functions; a typo in a top-level key should not be ignored silently.
const fileSchema = mockIdpOptionsSchema.omit({ now: true, fetch: true });

/**
 * Reads and validates a config file.
 *
 * @param file - Path to a JSON file.
 * @returns The options as written in the file (defaults are applied by `createMockIdp`).
 * @throws DinhDanhError `config_invalid` when the file cannot be read, is not JSON, or
 *   does not match the options schema; the message names the file and each field.
 */
export async function loadConfigFile(file: string): Promise<MockIdpOptions> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new DinhDanhError('config_invalid', `${file}: ${reason}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'syntax error';
    throw new DinhDanhError('config_invalid', `${file}: not valid JSON (${detail})`, {
      cause: error,
    });
  }
  const result = fileSchema.safeParse(withClientDefaults(json as MockIdpOptions));
  if (!result.success) {
    const first = result.error.issues[0];
    throw new DinhDanhError('config_invalid', describeConfigIssues(file, result.error.issues), {
      ...(first === undefined ? {} : { path: formatPath(first.path) }),
    });
  }
  // Hand the file's own values to createMockIdp, which applies the defaults itself.
  return json as MockIdpOptions;
}
