/**
 * Cookie sessions: the whole session (without tokens) sealed into a chunked cookie. A
 * cookie cannot be deleted from the server, so an ended session gets a revocation mark,
 * and sessions live at most as long as the marks are kept.
 */
import { rememberingUnsealer } from '../seal/seal';
import { sealSession } from '../seal/session';
import type { SealSecrets } from '../seal/secrets';
import type { Revocations } from './revocations';
import { sessionChecker } from './checked';
import type { Session } from './session';
import type { SessionStrategy } from './strategy';

/** Options of {@link cookieStrategy}. */
export interface CookieStrategyOptions {
  readonly secrets: SealSecrets;
  readonly now: () => number;
  /** Cap on a session's life in seconds: at most the revocation marks' lifetime. */
  readonly maxAge: number;
  readonly revocations: Revocations;
}

/** Sessions sealed whole into the cookie. */
export function cookieStrategy(options: CookieStrategyOptions): SessionStrategy {
  const seal = { secrets: options.secrets, now: options.now };
  const unseal = rememberingUnsealer('session', seal);
  const checker = sessionChecker();
  return {
    keepsTokens: false,
    maxAge: options.maxAge,
    async open(sealed) {
      let session: Session | undefined;
      try {
        session = checker.ofValue(await unseal(sealed));
      } catch {
        // seal_invalid / seal_expired: a cookie we cannot open is no session.
        return undefined;
      }
      if (session === undefined) return undefined;
      // Store failures propagate (fail closed).
      return (await options.revocations.isRevoked(session)) ? undefined : session;
    },
    save: (session, ttl) => sealSession(session, { ...seal, ttl }),
    remove: (session) => options.revocations.markEnded(session),
    // Nothing to find: the revocation marks end these sessions on their next read.
    removeMatching: () => Promise.resolve(),
  };
}
