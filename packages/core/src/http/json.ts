/** JSON objects read from provider answers and request bodies. */
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
