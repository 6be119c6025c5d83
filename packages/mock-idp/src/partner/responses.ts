/**
 * Token and userinfo responses of a `vneid-partner` client: no ID token, identity from
 * userinfo, each optionally inside an envelope; the partner fault switches.
 */
import type { AttributeName } from '@dinhdanh/core';
import type { Context } from '../context';
import type { MockClient } from '../options';
import type { Persona } from '../personas/schema';
import { partnerUserinfoClaims } from '../dialects/vneid-partner';
import { partnerJson } from './envelope';
import { partnerOptionsOf } from './options';

/** Whether this answer is sealed: the client's setting, unless a plain/sealed fault is armed. */
function sealedNow(ctx: Context, kind: 'token' | 'userinfo', configured: boolean): boolean {
  if (ctx.faults.take(`partner_${kind}_plain`)) return false;
  if (ctx.faults.take(`partner_${kind}_sealed`)) return true;
  return configured;
}

/** `accountLevel` as a string and `birthDate` as ISO yyyy-MM-dd (the mock's default: dd/MM/yyyy). */
function alternateForms(body: Record<string, unknown>): void {
  if (typeof body.accountLevel === 'number') body.accountLevel = String(body.accountLevel);
  const dmy =
    typeof body.birthDate === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(body.birthDate) : null;
  if (dmy) body.birthDate = `${dmy[3] ?? ''}-${dmy[2] ?? ''}-${dmy[1] ?? ''}`;
}

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
  return partnerJson(
    ctx,
    client,
    out,
    sealedNow(ctx, 'token', envelope === 'both' || envelope === 'token'),
  );
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
  if (ctx.faults.take('partner_userinfo_alternate_forms')) alternateForms(body);
  return partnerJson(
    ctx,
    client,
    body,
    sealedNow(ctx, 'userinfo', envelope === 'both' || envelope === 'userinfo'),
  );
}
