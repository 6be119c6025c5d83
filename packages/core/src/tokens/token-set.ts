import * as client from 'openid-client';
import type { TokenSet } from '../rp/types';

/** Converts an openid-client token response to a `TokenSet` (ID token decrypted when it was a JWE). */
export function toTokenSet(
  response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  now: () => number,
  previous?: TokenSet,
): TokenSet {
  // Refresh and generic grants record the decrypted ID token as a string; the
  // authorization code grant as { id_token: { token_endpoint } }.
  const decrypted = client.getDecryptedResponses(response);
  const idToken =
    typeof decrypted === 'string'
      ? decrypted
      : (decrypted?.id_token?.token_endpoint ?? response.id_token);
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  const expiresIn = response.expiresIn();
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    ...(expiresIn === undefined ? {} : { expiresAt: now() + expiresIn * 1000 }),
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(idToken === undefined
      ? previous?.idToken === undefined
        ? {}
        : { idToken: previous.idToken }
      : { idToken }),
    ...(response.scope === undefined ? {} : { scope: response.scope }),
  };
}
