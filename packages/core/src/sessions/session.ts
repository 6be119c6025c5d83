/**
 * The session record: who logged in, at which level, through which provider session,
 * until when. Tokens are kept only when sessions live in a server-side store; a cookie
 * session never carries them, so nothing a browser holds can call the provider's APIs.
 */
import * as z from 'zod/mini';
import { assuranceLevelSchema, identitySchema } from '../claims/identity';

/**
 * Where sessions live: `cookie`, sealed whole into the cookie (tokens dropped), or
 * `store`, in a `SessionStore` behind a sealed pointer (tokens kept).
 */
export type SessionStorage = 'cookie' | 'store';

/** Tokens kept server-side with a store-backed session. */
export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  tokenType: z.string(),
  /** Access token expiry, epoch milliseconds. */
  expiresAt: z.optional(z.number()),
  refreshToken: z.optional(z.string()),
  idToken: z.optional(z.string()),
  scope: z.optional(z.string()),
});
/** Tokens kept server-side with a store-backed session. */
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

/** A signed-in session. Times are epoch milliseconds. */
export const sessionSchema = z.object({
  /** Random opaque id of this session (binds the CSRF token; store key). */
  id: z.string().check(z.minLength(16)),
  /** The provider's subject identifier. */
  sub: z.string().check(z.minLength(1)),
  /** The issuer that authenticated the citizen. */
  issuer: z.string().check(z.minLength(1)),
  /** The provider's session id (`sid`), when it sent one; back-channel logout matches on it. */
  sid: z.optional(z.string().check(z.minLength(1))),
  /** Assurance level reached by the login. */
  level: assuranceLevelSchema,
  /** The identity summary (large attributes such as the portrait are dropped). */
  identity: identitySchema,
  /**
   * The relying party (issuer and client id) that made the session. The web handlers
   * refuse a session made by another app, even one sealed with the same secret.
   */
  relyingParty: z.optional(
    z.object({
      issuer: z.string().check(z.minLength(1)),
      clientId: z.string().check(z.minLength(1)),
    }),
  ),
  /** Tokens; only in store-backed sessions. */
  tokens: z.optional(sessionTokensSchema),
  /** When the session was created. */
  createdAt: z.number(),
  /** When the session ends. */
  expiresAt: z.number(),
});
/** A signed-in session. Times are epoch milliseconds. */
export type Session = z.infer<typeof sessionSchema>;
