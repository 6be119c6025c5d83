/** GET /jwks: the published signing keys (current, next, and retired ones in their grace period). */
import type { Context } from '../context';
import { delay } from '../faults/switchboard';
import { json, oauthError } from '../util/http';

/** The JWKS endpoint. */
export async function jwks(ctx: Context): Promise<Response> {
  const slow = ctx.faults.take('jwks_delay');
  if (slow !== undefined) await delay(slow.delayMs);
  if (ctx.faults.take('jwks_server_error'))
    return oauthError('server_error', 'injected fault', 500);
  return json(ctx.keys.jwks(ctx.now()), 200, {
    'content-type': 'application/jwk-set+json',
    'access-control-allow-origin': '*',
  });
}
