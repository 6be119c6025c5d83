/** JSON objects read from provider answers and request bodies. */
import { DinhDanhError } from '../errors';
import { readBounded } from './bounded-read';

/**
 * `text` parsed as a JSON object (not an array, not a primitive); `undefined` when it is
 * not one. Callers decide which error a non-object is, since that depends on who sent it.
 */
export function parseJsonObject(text: string | Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(
      typeof text === 'string' ? text : new TextDecoder().decode(text),
    );
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a JSON object body, bounded in size; `undefined` when too large or not a JSON object. */
export async function readJsonObject(
  response: Response,
  maxBytes: number,
): Promise<Record<string, unknown> | undefined> {
  const bytes = await readBounded(response, maxBytes);
  return bytes === undefined ? undefined : parseJsonObject(bytes);
}

/**
 * A provider's answer parsed as a JSON object.
 * @throws `provider_response_invalid` naming `what` (never the body) when it is not one.
 */
export function providerJsonObject(text: string, what: string): Record<string, unknown> {
  const value = parseJsonObject(text);
  if (value === undefined) {
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's ${what} response is not a JSON object.`,
    );
  }
  return value;
}
