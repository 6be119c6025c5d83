/** Shared helpers of the partner profile tests (login through the profile). */
import { createRelyingParty } from '@dinhdanh/core';
import type { RelyingParty, RelyingPartyConfig } from '@dinhdanh/core';
import { vneidPartner } from '@dinhdanh/core/vneid-partner';
import type { VneidPartnerOptions } from '@dinhdanh/core/vneid-partner';
import { rsaPair } from '../keys.fixture';
import type { Switches } from './provider.fixture';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  ISSUER,
  partnerProvider,
  REDIRECT_URI,
} from './provider.fixture';

export const pair = rsaPair();

/** An RP with the partner profile against a fresh in-test provider. */
export function setup(
  switches: Partial<Switches> = {},
  profile: Partial<VneidPartnerOptions> = {},
  extra: Partial<RelyingPartyConfig> = {},
  issuer = ISSUER,
): { rp: RelyingParty; provider: ReturnType<typeof partnerProvider> } {
  const provider = partnerProvider(pair.spki, switches, issuer);
  const rp = createRelyingParty({
    issuer,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    clientAuth: { method: 'client_secret_post', clientSecret: CLIENT_SECRET },
    discoveryBackoffMs: 0,
    provider: vneidPartner({
      privateKey: pair.pkcs8,
      aesMode: switches.mode ?? 'ecb',
      envelope: {
        token: switches.envelopeToken ?? true,
        userinfo: switches.envelopeUserinfo ?? true,
      },
      ...profile,
    }),
    fetch: provider.fetch,
    ...extra,
  });
  return { rp, provider };
}

/** The error a promise rejects with (fails the test on success or a foreign error). */
export { failure } from '../failure.fixture';
