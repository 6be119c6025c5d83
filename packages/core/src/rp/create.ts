/** `createRelyingParty(config)`: validates configuration and wires the engine. */
import type { RelyingPartyOptionsInput } from '../config/schema';
import { checkProviderAuth } from '../config/provider';
import { providerCaches } from '../discovery/provider';
import { checkFunctions, validateOptions } from '../config/validate';
import { DinhDanhError } from '../errors';
import type { FetchLike, Sleep } from '../http/fetch';
import { defaultSleep } from '../http/fetch';
import { finishLogin } from '../login/finish';
import { startLogin } from '../login/start';
import { stepUp } from '../login/step-up';
import { logoutUrl } from '../logout/logout-url';
import { verifyLogoutToken } from '../logout/logout-token';
import { memoryReplayCache } from '../replay-cache';
import { oidc } from '../providers/oidc';
import type { ProviderProfile } from '../providers/profile';
import { acrValuesFor } from '../levels';
import { pollQrLogin } from '../qr/poll';
import { startQrLogin } from '../qr/start';
import { verifyAccessToken } from '../tokens/access-token';
import { verifyIdToken } from '../tokens/id-token';
import { refresh } from '../tokens/refresh';
import { clientFactory } from './client';
import type { RpContext } from './context';
import { dpopFactory } from './dpop';
import type { ReplayCache } from '../replay-cache';
import type { RelyingParty } from './types';

/** Configuration of {@link createRelyingParty}. */
export type RelyingPartyConfig = RelyingPartyOptionsInput & {
  /** Provider profile (default `oidc()`). */
  provider?: ProviderProfile;
  /** `fetch` to use (default the global one): inject for tests, msw, proxies. */
  fetch?: FetchLike;
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
  /** Waits between discovery retries (default `setTimeout`). */
  sleep?: Sleep;
  /** Where logout token ids are remembered (default in memory). */
  replayCache?: ReplayCache;
};

/**
 * Creates a relying party for one provider.
 *
 * @param config - issuer, client id, redirect URI, client authentication, provider profile, ...
 * @returns the {@link RelyingParty}.
 * @throws DinhDanhError `config_invalid` saying what to fix.
 * @example
 * ```ts
 * const rp = createRelyingParty({
 *   issuer: 'https://sso.example.gov.vn',
 *   clientId: 'bank-portal',
 *   redirectUri: 'https://bank.example.vn/auth/callback',
 *   clientAuth: { method: 'private_key_jwt', privateKey: jwk },
 *   provider: vneid(),
 * });
 * const { url, transaction } = await rp.startLogin({ level: 2, claims: ['name', 'birthdate'] });
 * ```
 */
export function createRelyingParty(config: RelyingPartyConfig): RelyingParty {
  if (typeof config !== 'object' || config === null) {
    throw new DinhDanhError('config_invalid', 'Pass a configuration object to createRelyingParty.');
  }
  const {
    provider,
    fetch: fetchOption,
    now: nowOption,
    sleep: sleepOption,
    replayCache,
    ...rest
  } = config;
  checkFunctions('relying party', { fetch: fetchOption, now: nowOption, sleep: sleepOption });
  const options = validateOptions(rest);
  const givenFetch: FetchLike = fetchOption ?? ((input, init) => globalThis.fetch(input, init));
  const now = nowOption ?? (() => Date.now());
  const sleep = sleepOption ?? defaultSleep;
  const profile = provider ?? oidc();
  checkProviderAuth(options, profile);

  const provided = providerCaches(options, {
    fetch: givenFetch,
    now,
    sleep,
    ...(profile.protocol?.endpoints === undefined ? {} : { endpoints: profile.protocol.endpoints }),
  });
  const { fetch: fetchFn, metadata, keys } = provided;
  const buildClient = clientFactory({ options, fetch: fetchFn, now });
  const ctx: RpContext = {
    options,
    profile,
    fetch: fetchFn,
    now,
    sleep,
    metadata,
    keys,
    replayCache: replayCache ?? memoryReplayCache({ now }),
    client: async () => buildClient(await metadata.get()),
    dpop: dpopFactory(options.dpopKey),
  };

  return {
    issuer: options.issuer,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    provider: profile.id,
    startLogin: (opts) => startLogin(ctx, opts),
    finishLogin: (url, transaction) => finishLogin(ctx, url, transaction),
    stepUp: (opts) => stepUp(ctx, opts),
    refresh: (tokens) => refresh(ctx, tokens),
    verifyIdToken: (jwt, opts) => verifyIdToken(ctx, jwt, opts),
    verifyAccessToken: (jwt, opts) => verifyAccessToken(ctx, jwt, opts),
    logoutUrl: (opts) => logoutUrl(ctx, opts),
    verifyLogoutToken: (jwt) => verifyLogoutToken(ctx, jwt),
    startQrLogin: (opts) => startQrLogin(ctx, opts),
    pollQrLogin: (handle) => pollQrLogin(ctx, handle),
    clearCaches: () => provided.clear(),
    acrValuesFor: (level) => acrValuesFor(profile, level),
  };
}
