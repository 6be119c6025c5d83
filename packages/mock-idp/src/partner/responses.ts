/**
 * Token and userinfo responses of a `vneid-partner` client: no ID token, identity from
 * userinfo, each optionally inside an envelope; the partner fault switches.
 */
import type { AttributeName } from '@dinhdanh/core';
import type { Context } from '../context';
import type { MockClient } from '../options';
import type { Persona } from '../personas/schema';
import { partnerUserinfoClaims } from './dialect';
import { partnerJson } from './envelope';
import { partnerOptionsOf } from './options';

/** The token response body (already without `id_token`), enveloped when switched on. */
export async function partnerTokenResponse(
  ctx: Context,
  client: MockClient,
  body: Record<string, unknown>,
): Promise<Response> {
  const { envelope } = partnerOptionsOf(client);
  const out: Record<string, unknown> = { ...body };
  delete out.id_token;
  if (ctx.faults.take('partner_token_missing_access_token')) delete out.access_token;
  return partnerJson(ctx, client, out, envelope === 'both' || envelope === 'token');
}

/** The userinfo response (camelCase, no `sub`), enveloped when switched on. */
export async function partnerUserinfo(
  ctx: Context,
  client: MockClient,
  persona: Persona,
  granted: readonly AttributeName[],
): Promise<Response> {
  const { envelope } = partnerOptionsOf(client);
  const body = partnerUserinfoClaims(persona, granted);
  if (ctx.faults.take('partner_userinfo_missing_citizen_pid')) delete body.citizenPid;
  return partnerJson(ctx, client, body, envelope === 'both' || envelope === 'userinfo');
}
