import { DinhDanhError } from '../errors';
import type { RelyingParty } from '../rp/types';
import type { SessionManager } from '../sessions/manager';
import type { Session } from '../sessions/session';
import type { RequestContext } from './context';
import { checkOriginHeaders, verifyCsrfToken } from './csrf';
import type { ResolvedOptions } from './options';
import { noStoreHeaders, redirect } from './responses';

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
  try {
    const value = (await request.formData()).get('csrf_token');
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    throw new DinhDanhError('input_invalid', 'The form body could not be read.');
  }
}

/**
 * The CSRF check of state-changing requests: origin headers, then the session's CSRF
 * token when required (no origin header, or `requireCsrfToken`) or whenever one is sent.
 *
 * @throws `csrf_failed`.
 */
export async function checkCsrf(
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
 * `POST {basePath}/logout`: ends the session after the CSRF check and sends the browser
 * (303) to the provider's logout endpoint, or to `postLogoutRedirectUri`.
 */
export async function logout(
  rp: RelyingParty,
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  const { session } = await sessions.read(ctx.cookies, ctx.policy);
  await checkCsrf(options, ctx, session);
  const headers = noStoreHeaders();
  await sessions.end(session, headers, ctx.cookies, ctx.policy);
  const local = options.postLogoutRedirectUri ?? options.defaultReturnTo;
  if (!options.providerLogout) return redirect(local, 303, headers);
  const idToken = session?.tokens?.idToken;
  const location = await rp.logoutUrl({
    ...(idToken === undefined ? {} : { idTokenHint: idToken }),
    ...(options.postLogoutRedirectUri === undefined
      ? {}
      : { postLogoutRedirectUri: options.postLogoutRedirectUri }),
  });
  return redirect(location, 303, headers);
}
