/**
 * CSRF defence for the state-changing handlers (logout, QR start):
 * 1. the request's `Origin` must be the app's origin; without `Origin`, `Sec-Fetch-Site`
 *    must be `same-origin`;
 * 2. a CSRF token (HMAC of the session id, from `GET /me`) is required when the browser
 *    sent neither header or `requireCsrfToken` is set, and checked whenever present.
 */
import { base64url } from 'jose';
import { DinhDanhError } from '../errors';
import { deriveSealKeys, type SealSecrets } from '../seal/secrets';

function refuse(reason: string): DinhDanhError {
  return new DinhDanhError('csrf_failed', `Request refused by the CSRF check: ${reason}.`);
}

/**
 * Checks the browser's origin headers.
 * @returns whether a header vouched for the request (`false` when none was sent).
 * @throws `csrf_failed` when a header names another origin.
 */
export function checkOriginHeaders(request: Request, origin: string): boolean {
  const sent = request.headers.get('origin');
  if (sent !== null) {
    if (sent !== origin) throw refuse('the request came from another origin');
    return true;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site !== 'same-origin') throw refuse('the request came from another site');
    return true;
  }
  return false;
}

async function hmacKeys(secrets: SealSecrets): Promise<CryptoKey[]> {
  const keys = await deriveSealKeys(secrets, 'csrf');
  return Promise.all(
    keys.map(({ key }) =>
      crypto.subtle.importKey(
        'raw',
        key as BufferSource,
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign', 'verify'],
      ),
    ),
  );
}

const label = (sessionId: string) => new TextEncoder().encode(`dinhdanh csrf:${sessionId}`);

/** The CSRF token of a session (stable for the session's life). */
export async function createCsrfToken(secrets: SealSecrets, sessionId: string): Promise<string> {
  const [first] = await hmacKeys(secrets);
  if (first === undefined)
    throw new DinhDanhError('config_invalid', 'No sealing secret configured.');
  return base64url.encode(
    new Uint8Array(await crypto.subtle.sign('HMAC', first, label(sessionId))),
  );
}

/** Whether `token` is the CSRF token of the session, under any configured secret. */
export async function verifyCsrfToken(
  secrets: SealSecrets,
  sessionId: string,
  token: string,
): Promise<boolean> {
  let mac: Uint8Array;
  try {
    mac = base64url.decode(token);
  } catch {
    return false;
  }
  if (mac.byteLength !== 32) return false;
  for (const key of await hmacKeys(secrets)) {
    if (await crypto.subtle.verify('HMAC', key, mac as BufferSource, label(sessionId))) return true;
  }
  return false;
}
