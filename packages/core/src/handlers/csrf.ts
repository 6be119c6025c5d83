/**
 * CSRF defence for the state-changing handlers (logout, QR start):
 * 1. the request's `Origin` must be the app's origin; without `Origin` (or with `Origin: null`),
 *    `Sec-Fetch-Site` must be `same-origin`;
 * 2. a CSRF token (HMAC of the session id, from `GET /me`) is required when the browser
 *    sent neither header or `requireCsrfToken` is set, and checked whenever present.
 */
import * as base64url from 'jose/base64url';
import { DinhDanhError, isDinhDanhError } from '../errors';
import { readRequestBody } from '../http/read-body';
import { deriveSealKeys, type SealSecrets } from '../seal/secrets';
import type { SessionManager } from '../sessions/manager';
import type { Session } from '../sessions/session';
import type { RequestContext } from './context';
import type { ResolvedOptions } from './options';

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
  // `Origin: null` vouches for nothing: browsers send it from opaque origins, and for a
  // same-origin form post under `Referrer-Policy: no-referrer` (helmet's default). So it
  // is neither accepted nor refused here: `Sec-Fetch-Site` decides, else the CSRF token.
  if (sent !== null && sent !== 'null') {
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

const MAX_FORM_BODY = 64 * 1024;

async function submittedToken(request: Request): Promise<string | undefined> {
  const header = request.headers.get('x-csrf-token');
  if (header !== null && header !== '') return header;
  const type = request.headers.get('content-type') ?? '';
  if (
    !type.startsWith('application/x-www-form-urlencoded') &&
    !type.startsWith('multipart/form-data')
  ) {
    return undefined;
  }
  // Bounded: a form is read only up to MAX_FORM_BODY bytes, then refused.
  const bytes = await readRequestBody(request, MAX_FORM_BODY);
  try {
    const form = await new Response(bytes as BodyInit, {
      headers: { 'content-type': type },
    }).formData();
    const value = form.get('csrf_token');
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch (error) {
    if (isDinhDanhError(error)) throw error;
    throw new DinhDanhError('input_invalid', 'The form body could not be read.');
  }
}

/**
 * The CSRF check of state-changing requests: origin headers, then the session's CSRF
 * token when required (no origin header, or `requireCsrfToken`) or whenever one is sent.
 *
 * @throws `csrf_failed`.
 */
async function checkCsrf(
  options: ResolvedOptions,
  ctx: RequestContext,
  session: Session | undefined,
): Promise<void> {
  const vouched = checkOriginHeaders(ctx.request, ctx.origin);
  const token = await submittedToken(ctx.request);
  if (token === undefined) {
    if (vouched && !options.requireCsrfToken) return;
    throw new DinhDanhError(
      'csrf_failed',
      'Request refused by the CSRF check: send the CSRF token from GET /me as X-CSRF-Token or csrf_token.',
    );
  }
  if (session === undefined || !(await verifyCsrfToken(options.secrets, session.id, token))) {
    throw new DinhDanhError(
      'csrf_failed',
      'Request refused by the CSRF check: the CSRF token is not valid.',
    );
  }
}

/**
 * The preamble of every state-changing handler (logout, QR start): reads the request's
 * session and runs {@link checkCsrf} against it before anything else, so a cross-site
 * request is refused before its body is read.
 *
 * @returns The request's live session, if any.
 * @throws `csrf_failed`; `store_unavailable` when the session store does not answer.
 */
export async function checkedSession(
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Session | undefined> {
  const { session } = await sessions.read(ctx.cookies, ctx.policy);
  await checkCsrf(options, ctx, session);
  return session;
}
