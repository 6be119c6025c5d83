/**
 * Typed `req.identity`, `req.session` and `req.accessToken` on every Express request, by
 * declaration merging: importing `@dinhdanh/express` is enough for
 * `req.identity?.attributes.name` to autocomplete.
 */
import type { Identity, Session, VerifiedAccessToken } from '@dinhdanh/core';

declare global {
  // Express's own types are declared in this namespace; merging into it is how they are extended.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The citizen logged in on this request's session (set by `dinhdanh()`). */
      identity?: Identity | undefined;
      /** The live dinhdanh session (set by `dinhdanh()`); never re-sealed on reading. */
      session?: Session | undefined;
      /** The verified bearer access token (set by `requireBearer()`). */
      accessToken?: VerifiedAccessToken | undefined;
    }
  }
}

export {};
