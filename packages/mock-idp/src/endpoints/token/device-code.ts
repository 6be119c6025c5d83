/** grant_type=urn:ietf:params:oauth:grant-type:device_code (RFC 8628 §3.4, §3.5). */
import type { Context } from '../../context';
import type { MockClient } from '../../options';
import { tokenResponse } from '../../tokens/token-response';
import { OAuthProblem, required } from '../../util/http';

/** Poll a device authorization. */
export async function deviceCodeGrant(
  ctx: Context,
  client: MockClient,
  params: URLSearchParams,
  jkt: string | undefined,
): Promise<Response> {
  const deviceCode = required(params, 'device_code');
  const record = ctx.store.devices.get(deviceCode);
  if (record === undefined || record.clientId !== client.clientId) {
    throw new OAuthProblem(
      'invalid_grant',
      'the device code is unknown or was issued to another client',
    );
  }
  const now = ctx.now();
  if (record.expiresAt < now)
    throw new OAuthProblem('expired_token', 'the device code has expired; start again');
  if (record.status === 'used')
    throw new OAuthProblem('invalid_grant', 'the device code was already exchanged');
  if (record.status === 'denied')
    throw new OAuthProblem('access_denied', 'the citizen denied the request');
  if (record.status === 'pending') {
    const tooSoon =
      record.lastPollAt !== undefined && now - record.lastPollAt < record.interval * 1000;
    record.lastPollAt = now;
    if (tooSoon) {
      record.interval += 5;
      throw new OAuthProblem('slow_down', `poll at most every ${record.interval} seconds`);
    }
    throw new OAuthProblem('authorization_pending', 'the citizen has not answered yet');
  }
  const grant = record.grantId === undefined ? undefined : ctx.store.grants.get(record.grantId);
  if (grant === undefined) throw new OAuthProblem('invalid_grant', 'the grant is gone');
  record.status = 'used';
  return tokenResponse(ctx, grant, client, { withNonce: false, jkt });
}
