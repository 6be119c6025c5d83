/** Back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4). */
import { epochSeconds, type Context } from '../context';
import { randomToken } from '../util/random';
import { signJwt } from './sign';

/** The event that marks a JWT as a logout token. */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** Sign a logout token for one client. */
export async function issueLogoutToken(
  ctx: Context,
  clientId: string,
  sub: string,
  sid: string,
): Promise<string> {
  const now = epochSeconds(ctx);
  return signJwt(
    {
      iss: ctx.issuer,
      aud: clientId,
      iat: now,
      exp: now + 120,
      jti: randomToken(16),
      sub,
      sid,
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    },
    ctx.keys.signingKey,
    'logout+jwt',
  );
}
