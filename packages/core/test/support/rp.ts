import { createRelyingParty, type RelyingPartyConfig } from '@dinhdanh/core';
import type { PrivateJwk } from '@dinhdanh/core';
import { CLIENT_ID, POST_LOGOUT_URI, REDIRECT_URI, type TestOp } from './op';

/** A relying party pointed at the test provider. */
export function rpFor(op: TestOp, extra: Partial<RelyingPartyConfig> = {}) {
  return createRelyingParty({
    issuer: op.issuer,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    postLogoutRedirectUri: POST_LOGOUT_URI,
    clientAuth: { method: 'private_key_jwt', privateKey: op.clientKey as PrivateJwk },
    discoveryBackoffMs: 0,
    ...extra,
  });
}
