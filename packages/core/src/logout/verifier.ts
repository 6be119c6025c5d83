/**
 * Back-channel logout on its own: what a service that only ends sessions needs (issuer,
 * client id, a replay cache), without the redirect URI and client credentials of a login.
 */
import * as z from 'zod/mini';
import { zodMessages } from '../config/messages';
import type { RelyingPartyOptionsInput } from '../config/schema';
import { relyingPartyOptionsSchema } from '../config/schema';
import { providerCaches } from '../discovery/provider';
import { DinhDanhError } from '../errors';
import { checkFunctions } from '../config/validate';
import type { FetchLike, Sleep } from '../http/fetch';
import { defaultSleep } from '../http/fetch';
import type { ReplayCache } from '../replay-cache';
import { memoryReplayCache } from '../replay-cache';
import type { LogoutTokenResult } from '../rp/types';
import { verifyLogoutToken } from './logout-token';

const FIELDS: Record<keyof LogoutTokenVerifierOptions, true> = {
  issuer: true,
  clientId: true,
  idTokenAlgorithms: true,
  clockTolerance: true,
  maxTokenBytes: true,
  httpTimeoutMs: true,
  discoveryTtl: true,
  discoveryAttempts: true,
  discoveryBackoffMs: true,
  jwksTtl: true,
  jwksRefetchInterval: true,
  jwksStaleGrace: true,
};

const verifierSchema = z.pick(relyingPartyOptionsSchema, FIELDS);

type LogoutTokenVerifierOptions = Omit<
  LogoutTokenVerifierConfig,
  'replayCache' | 'fetch' | 'now' | 'sleep'
>;

/** Configuration of {@link createLogoutTokenVerifier}: the relying party's, minus what logins need. */
export type LogoutTokenVerifierConfig = Pick<
  RelyingPartyOptionsInput,
  | 'issuer'
  | 'clientId'
  | 'idTokenAlgorithms'
  | 'clockTolerance'
  | 'maxTokenBytes'
  | 'httpTimeoutMs'
  | 'discoveryTtl'
  | 'discoveryAttempts'
  | 'discoveryBackoffMs'
  | 'jwksTtl'
  | 'jwksRefetchInterval'
  | 'jwksStaleGrace'
> & {
  /** Where logout token ids are remembered (default in memory; share one between processes). */
  replayCache?: ReplayCache;
  /** `fetch` to use (default the global one). */
  fetch?: FetchLike;
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
  /** Waits between discovery retries (default `setTimeout`). */
  sleep?: Sleep;
};

/** Verifies back-channel logout tokens of one provider for one client. */
export interface LogoutTokenVerifier {
  /**
   * Verifies a logout token (OpenID Connect Back-Channel Logout 1.0) once: a `jti` seen
   * before is refused.
   * @throws DinhDanhError `logout_token_invalid` (with the claim in `path`), `logout_token_replayed`.
   */
  verify(jwt: string): Promise<LogoutTokenResult>;
  /** Drops the cached discovery document and keys. */
  clearCaches(): void;
}

/**
 * Creates a back-channel logout token verifier that needs no redirect URI or client
 * credentials: the provider's keys come from its discovery document.
 *
 * @param config - `issuer`, `clientId`, optionally `replayCache`, `fetch`, `now` and the
 *   relying party's cache and time-out options.
 * @returns the {@link LogoutTokenVerifier}.
 * @throws DinhDanhError `config_invalid` saying what to fix.
 * @example
 * ```ts
 * const logout = createLogoutTokenVerifier({
 *   issuer: 'https://sso.example.gov.vn',
 *   clientId: 'bank-portal',
 *   replayCache: sharedReplayCache,
 * });
 * const { sub, sid } = await logout.verify(form.get('logout_token'));
 * ```
 */
export function createLogoutTokenVerifier(config: LogoutTokenVerifierConfig): LogoutTokenVerifier {
  if (typeof config !== 'object' || config === null) {
    throw new DinhDanhError(
      'config_invalid',
      'Pass a configuration object to createLogoutTokenVerifier.',
    );
  }
  const { replayCache, fetch, now: nowOption, sleep, ...rest } = config;
  checkFunctions('logout token verifier', { fetch, now: nowOption, sleep });
  const parsed = verifierSchema.safeParse(rest, zodMessages);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new DinhDanhError(
      'config_invalid',
      `Invalid logout token verifier configuration. ${issue?.message ?? ''}`.trim(),
      { path, cause: parsed.error },
    );
  }
  const options = parsed.data;
  const now = nowOption ?? (() => Date.now());
  const provided = providerCaches(options, {
    fetch: fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now,
    sleep: sleep ?? defaultSleep,
  });
  const ctx = {
    options,
    keys: provided.keys,
    now,
    replayCache: replayCache ?? memoryReplayCache({ now }),
  };
  return {
    verify: (jwt) => verifyLogoutToken(ctx, jwt),
    clearCaches: () => provided.clear(),
  };
}
