/**
 * The session record: who logged in, at which level, through which provider session,
 * until when. Tokens are kept only when sessions live in a server-side store; a cookie
 * session never carries them, so nothing a browser holds can call the provider's APIs.
 */
import { z } from 'zod';
import { assuranceLevelSchema, identitySchema } from '../claims/identity';

/** Tokens kept server-side with a store-backed session. */
export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  tokenType: z.string(),
  /** Access token expiry, epoch milliseconds. */
  expiresAt: z.number().optional(),
  refreshToken: z.string().optional(),
  idToken: z.string().optional(),
  scope: z.string().optional(),
});
/** Tokens kept server-side with a store-backed session. */
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

/** A signed-in session. Times are epoch milliseconds. */
export const sessionSchema = z.object({
  /** Random opaque id of this session (binds the CSRF token; store key). */
  id: z.string().min(16),
  /** The provider's subject identifier. */
  sub: z.string().min(1),
  /** The issuer that authenticated the citizen. */
  issuer: z.string().min(1),
  /** The provider's session id (`sid`), when it sent one; back-channel logout matches on it. */
  sid: z.string().min(1).optional(),
  /** Assurance level reached by the login. */
  level: assuranceLevelSchema,
  /** The identity summary (large attributes such as the portrait are dropped). */
  identity: identitySchema,
  /** Tokens; only in store-backed sessions. */
  tokens: sessionTokensSchema.optional(),
  /** When the session was created. */
  createdAt: z.number(),
  /** When the session ends. */
  expiresAt: z.number(),
});
/** A signed-in session. Times are epoch milliseconds. */
export type Session = z.infer<typeof sessionSchema>;
