import { ATTRIBUTE_NAMES, type AttributeName } from '../claims/attributes';
import type { AccountType, AssuranceLevel, IdentityAttributes } from '../claims/identity';
import { clearChunkedCookie } from '../sessions/cookies';
import type { SessionManager } from '../sessions/manager';
import type { RequestContext } from './context';
import { createCsrfToken } from './csrf';
import type { ResolvedOptions } from './options';
import { json, noStoreHeaders } from './responses';

/** What `GET {basePath}/me` answers: a summary for the browser, never tokens. */
export type MeResponse =
  | { readonly status: 'anonymous' }
  | {
      readonly status: 'authenticated';
      /** Assurance level of the session. */
      readonly level: AssuranceLevel;
      /** When the session ends (ISO 8601). */
      readonly expiresAt: string;
      /** The identity subset the app chose to show (`meAttributes`). */
      readonly identity: {
        readonly provider: string;
        readonly accountType: AccountType;
        readonly level: AssuranceLevel;
        readonly attributes: Partial<IdentityAttributes>;
      };
      /**
       * Names of the attributes the citizen shared in this login (those the session keeps;
       * not the portrait): a front end tells "not shared" from "not shown by `meAttributes`".
       */
      readonly granted: readonly AttributeName[];
      /** Send as `X-CSRF-Token` (or form field `csrf_token`) on logout and QR start. */
      readonly csrfToken: string;
    };

function pick(
  attributes: IdentityAttributes,
  names: readonly AttributeName[],
): Partial<IdentityAttributes> {
  const picked: Record<string, unknown> = {};
  for (const name of names) {
    const value = attributes[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** `GET {basePath}/me`: the session summary; a stale cookie is cleared. */
export async function me(
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  const headers = noStoreHeaders();
  headers.set('vary', 'cookie');
  const { session, stale } = await sessions.read(ctx.cookies, ctx.policy);
  if (stale) clearChunkedCookie(headers, ctx.cookies, sessions.cookieName(ctx.policy), ctx.policy);
  if (session === undefined) {
    const body: MeResponse = { status: 'anonymous' };
    return json(body, 200, headers);
  }
  const body: MeResponse = {
    status: 'authenticated',
    level: session.level,
    expiresAt: new Date(session.expiresAt).toISOString(),
    identity: {
      provider: session.identity.provider,
      accountType: session.identity.accountType,
      level: session.identity.level,
      attributes: pick(session.identity.attributes, options.meAttributes),
    },
    granted: ATTRIBUTE_NAMES.filter((name) => session.identity.attributes[name] !== undefined),
    csrfToken: await createCsrfToken(options.secrets, session.id),
  };
  return json(body, 200, headers);
}
