import { DinhDanhError } from '../errors';
import { sessionSchema, type Session } from '../sessions/session';
import { sealValue, unsealAs, type UnsealOptions } from './seal';
import type { SealSecrets } from './secrets';

/** Options for {@link sealSession}. */
export interface SealSessionOptions {
  /** One secret or several (≥ 32 bytes each): the first seals. */
  secrets: SealSecrets;
  /** Lifetime in seconds; defaults to the time left until `session.expiresAt`. */
  ttl?: number;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
}

/**
 * Seals a session into an opaque string (JWE, `dir` + `A256GCM`) for a cookie.
 *
 * @param session - The session; its `tokens` are dropped, a cookie never carries them.
 * @returns The sealed session.
 * @throws `config_invalid` for missing or short secrets; `session_expired` when the
 * session has already ended.
 * @example
 * ```ts
 * const sealed = await sealSession(session, { secrets: [process.env.SESSION_SECRET!] });
 * ```
 */
export async function sealSession(session: Session, options: SealSessionOptions): Promise<string> {
  const now = options.now ?? Date.now;
  const ttl = options.ttl ?? Math.ceil((session.expiresAt - now()) / 1000);
  if (ttl <= 0) throw new DinhDanhError('session_expired', 'The session has already ended.');
  const { tokens: _tokens, ...withoutTokens } = session;
  return sealValue('session', withoutTokens, { secrets: options.secrets, ttl, now });
}

/**
 * Opens a session sealed by {@link sealSession}.
 *
 * @returns The session (without tokens).
 * @throws `seal_invalid` for anything we did not seal as a session, `seal_expired` past
 * its expiry, `config_invalid` for bad secrets.
 * @example
 * ```ts
 * const session = await unsealSession(cookieValue, { secrets: [newSecret, oldSecret] });
 * ```
 */
export async function unsealSession(sealed: string, options: UnsealOptions): Promise<Session> {
  return unsealAs(
    'session',
    sessionSchema,
    sealed,
    options,
    'The sealed session has an unknown shape. Sign in again.',
  );
}
