import type { LogoutMatch } from './revocations';
import type { Session } from './session';

/**
 * How sessions are kept: what goes into the session cookie and what, if anything, lives
 * behind it. The manager does the rest (cookies, expiry, revocation marks) the same way
 * for every strategy.
 */
export interface SessionStrategy {
  /** Whether sessions keep the provider's tokens (only server-side). */
  readonly keepsTokens: boolean;
  /** Cap on a session's life in seconds under this strategy, or undefined for none. */
  readonly maxAge: number | undefined;
  /**
   * The session a cookie value stands for, checked against its revocation marks;
   * undefined for a value we cannot open or a revoked session.
   */
  open(sealed: string): Promise<Session | undefined>;
  /** Saves a session and returns the cookie value that stands for it. */
  save(session: Session, ttlSeconds: number): Promise<string>;
  /** Ends one session so that its cookie, or a copy of it, reads as no session. */
  remove(session: Session): Promise<void>;
  /** Ends the sessions a back-channel logout names, where the strategy can find them. */
  removeMatching(issuer: string, match: LogoutMatch): Promise<void>;
}
