/**
 * VNeID share transactions (DOMAIN.md dialect 6) as a cross-device transport: `start` is
 * `POST /share` (→ `txnId`, the universal link), `poll` answers from the webhook results
 * first and asks `POST /share/{txnId}/status` otherwise. The `txnId` travels only inside
 * the handle (`ref`), never in an error message.
 */
import { DinhDanhError } from '../../errors';
import type { CrossDeviceTransport } from '../../providers/profile';
import type { CrossDeviceContext } from '../../providers/profile';
import type { QrLoginHandle, QrLoginStatus } from '../../rp/types';
import { shareEndpoint, sharePost, secureUrl } from './http';
import { shareStatus } from './result';
import { shareOutcomeSchema, shareStartSchema } from './schema';
import type { ShareResultStore } from './schema';

/** The name share transactions have in handles. */
export const SHARE_TRANSPORT = 'vneid_share';

/** Lifetime assumed when the provider states none, seconds. */
const DEFAULT_LIFETIME = 300;

/** Settings of the share transport (validated by `withShareTransactions`). */
export interface ShareTransportSettings {
  readonly results: ShareResultStore | undefined;
  readonly endpoint: string | undefined;
  readonly serviceCode: string | undefined;
  readonly interval: number;
  readonly pollProvider: boolean;
}

function invalidAnswer(what: string): DinhDanhError {
  return new DinhDanhError(
    'provider_response_invalid',
    `The provider's share ${what} response is malformed.`,
    { path: what },
  );
}

/** Builds the share transport. */
export function shareTransport(settings: ShareTransportSettings): CrossDeviceTransport {
  return {
    name: SHARE_TRANSPORT,

    async start(ctx, request) {
      if (request.purpose === undefined) {
        throw new DinhDanhError(
          'purpose_required',
          'A share transaction needs a purpose the citizen sees and consents to (Decree 13/2023, Law 91/2025): pass purpose.',
          { path: 'purpose' },
        );
      }
      if (request.claims.length === 0) {
        throw new DinhDanhError(
          'input_invalid',
          'A share transaction needs the attributes to share: pass claims.',
          { path: 'claims' },
        );
      }
      const endpoint = shareEndpoint(ctx.options.issuer, settings.endpoint);
      const answer = await sharePost(
        ctx,
        endpoint,
        {
          attributes: request.claims.join(' '),
          purpose: request.purpose,
          ...(settings.serviceCode === undefined ? {} : { service_code: settings.serviceCode }),
        },
        'start',
      );
      if (answer.status === 404) {
        throw new DinhDanhError(
          'config_invalid',
          'The provider has no share API at the configured endpoint; check endpoint.',
          { path: 'endpoint' },
        );
      }
      const parsed = shareStartSchema.safeParse(answer.body);
      if (!parsed.success) throw invalidAnswer('start');
      const link = secureUrl(parsed.data.link);
      if (link === undefined) throw invalidAnswer('link');
      const fromExpiresAt =
        parsed.data.expiresAt === undefined
          ? undefined
          : Math.floor((Date.parse(parsed.data.expiresAt) - ctx.now()) / 1000);
      const expiresIn = parsed.data.expiresIn ?? fromExpiresAt ?? DEFAULT_LIFETIME;
      if (!(expiresIn > 0)) throw invalidAnswer('expiresAt');
      return {
        ref: parsed.data.txnId,
        qrUri: link.href,
        expiresIn,
        interval: settings.interval,
      };
    },

    async poll(ctx, handle) {
      return pollOnce(ctx, handle);
    },
  };

  async function pollOnce(ctx: CrossDeviceContext, handle: QrLoginHandle): Promise<QrLoginStatus> {
    const delivered = await settings.results?.take(handle.ref);
    if (delivered !== undefined) return shareStatus(ctx, handle, delivered);
    if (!settings.pollProvider) return { status: 'pending' };
    const endpoint = shareEndpoint(ctx.options.issuer, settings.endpoint);
    const url = new URL(
      `${endpoint.href.replace(/\/+$/, '')}/${encodeURIComponent(handle.ref)}/status`,
    );
    const answer = await sharePost(ctx, url, {}, 'status');
    if (answer.status === 404) {
      throw new DinhDanhError(
        'qr_invalid',
        'The provider does not know this share transaction (forgotten, or started by another client); start again.',
      );
    }
    const parsed = shareOutcomeSchema.safeParse(answer.body);
    if (!parsed.success) throw invalidAnswer('status');
    return shareStatus(ctx, handle, parsed.data);
  }
}
