/**
 * A log-safe stand-in for an error thrown by openid-client, oauth4webapi or jose. Their
 * errors carry the token payload (`claims`, `payload`), response bodies and headers in
 * their properties and cause chains; `console.error(err)` would print them. The stand-in
 * keeps only the error's name, its redacted message, its `code` and the claim it names.
 */
import { redact } from '../redact';

function stringProp(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
}

/** The claim an error (or one of its causes) names, if any; bounded depth. */
function claimIn(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const claim = stringProp(current, 'claim');
    if (claim !== undefined) return claim;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/** A plain `Error` with only `{ code, claim }` and a redacted message; `undefined` stays. */
export function safeCause(error: unknown): Error | undefined {
  if (error === undefined || error === null) return undefined;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const safe = new Error(redact(message).slice(0, 300));
  safe.name = error instanceof Error ? error.name : 'Error';
  const code = stringProp(error, 'code');
  const claim = claimIn(error);
  return Object.assign(safe, {
    ...(code === undefined ? {} : { code }),
    ...(claim === undefined || !/^[A-Za-z0-9_.-]{1,64}$/.test(claim) ? {} : { claim }),
  });
}
