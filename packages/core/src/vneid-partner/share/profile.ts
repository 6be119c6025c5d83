/**
 * `withShareTransactions(profile)`: gives a provider profile the share-transaction
 * transport, so that `rp.startQrLogin` / `rp.pollQrLogin` run VNeID share transactions
 * with the same application code as a device-grant QR login.
 */
import { DinhDanhError } from '../../errors';
import type { ProviderProfile } from '../../providers/profile';
import { secureUrl } from './http';
import type { ShareResultStore } from './schema';
import { shareTransport } from './transport';

/** Options of {@link withShareTransactions}. */
export interface ShareTransactionOptions {
  /**
   * Where {@link shareWebhookHandler} records results; give both the same store and a poll
   * answers from it without calling the provider. Omit it to learn results by polling only.
   */
  readonly results?: ShareResultStore;
  /** The share API (default `${issuer}/share`): https, or http on localhost. */
  readonly endpoint?: string;
  /** The provider's service code of the transaction (`service_code`; the provider's default when omitted). */
  readonly serviceCode?: string;
  /** Seconds between polls told to the caller (default 3). */
  readonly interval?: number;
  /** Ask the provider's status API when no webhook result is waiting (default `true`). */
  readonly pollProvider?: boolean;
}

const SERVICE_CODE = /^[A-Za-z0-9._-]{1,64}$/;

function invalid(path: string, message: string): DinhDanhError {
  return new DinhDanhError('config_invalid', message, { path });
}

/**
 * Adds VNeID share transactions (DOMAIN.md dialect 6) to a provider profile: with it,
 * `rp.startQrLogin({ level, claims, purpose })` starts a share transaction (the `qrUri` is
 * the universal link `…/share/{txnId}`; the `txnId` stays inside the handle) and
 * `rp.pollQrLogin(handle)` reports `pending`, `approved` (a `LoginResult` with
 * `source: 'share'`, no tokens), `denied` or `expired`. `purpose` is required.
 *
 * @param profile The provider profile, usually `vneidPartner(...)`.
 * @param options Result store shared with the webhook handler, endpoint, service code.
 * @returns The same profile, with the share transport as its cross-device transport.
 * @throws `config_invalid` for a bad option.
 *
 * @example
 * ```ts
 * const results = memoryShareResultStore();
 * const rp = createRelyingParty({
 *   issuer: 'https://sso.vneid.example',
 *   clientId: 'bank-portal',
 *   redirectUri: 'https://bank.example.vn/auth/callback',
 *   clientAuth: { method: 'client_secret_post', clientSecret: process.env.VNEID_SECRET! },
 *   provider: withShareTransactions(vneidPartner({ privateKey: process.env.VNEID_RP_KEY_PEM! }), { results }),
 * });
 * const { handle, qrUri } = await rp.startQrLogin({ level: 2, claims: ['pid', 'name'], purpose: 'Mở tài khoản' });
 * ```
 */
export function withShareTransactions(
  profile: ProviderProfile,
  options: ShareTransactionOptions = {},
): ProviderProfile {
  if (typeof profile !== 'object' || profile === null) {
    throw invalid('profile', 'Pass a provider profile: withShareTransactions(vneidPartner(...)).');
  }
  const { results, endpoint, serviceCode, interval = 3, pollProvider = true } = options;
  if (
    results !== undefined &&
    (typeof results.put !== 'function' || typeof results.take !== 'function')
  ) {
    throw invalid('results', 'results must be a ShareResultStore (memoryShareResultStore()).');
  }
  if (endpoint !== undefined && secureUrl(endpoint) === undefined) {
    throw invalid('endpoint', 'endpoint must be an https URL (http only for localhost).');
  }
  if (serviceCode !== undefined && !SERVICE_CODE.test(serviceCode)) {
    throw invalid('serviceCode', 'serviceCode is 1-64 of A-Z a-z 0-9 . _ -.');
  }
  if (!Number.isInteger(interval) || interval < 1 || interval > 60) {
    throw invalid('interval', 'interval is whole seconds between 1 and 60.');
  }
  if (!pollProvider && results === undefined) {
    throw invalid(
      'pollProvider',
      'Without polling the provider, give a results store fed by the webhook.',
    );
  }
  return {
    ...profile,
    crossDevice: shareTransport({ results, endpoint, serviceCode, interval, pollProvider }),
  };
}
