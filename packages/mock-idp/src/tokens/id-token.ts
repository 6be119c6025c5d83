/**
 * ID tokens (OIDC Core §2): protocol claims, the dialect's identity claims, fault switches
 * applied on the way out, and JWE encryption when the client registered a key.
 */
import type { AttributeName } from '@dinhdanh/core';
import type { JWTPayload } from 'jose';
import { epochSeconds, type Context } from '../context';
import { DIALECTS } from '../dialects';
import { withVerifiedClaims } from '../dialects/verified-claims';
import type { MockClient } from '../options';
import type { Persona } from '../personas/schema';
import type { Grant } from '../store/types';
import { randomToken } from '../util/random';
import { corruptSignature, encryptForClient, encryptionKeyOf, signJwt, unsecuredJwt } from './sign';
import { subjectFor } from './subject';

/** Attributes the client asked to find in the ID token itself (`claims.id_token`). */
function idTokenAttributes(grant: Grant, client: MockClient): Set<AttributeName> {
  const names = DIALECTS[client.dialect].claimNames;
  const standard = DIALECTS.standard.claimNames;
  const out = new Set<AttributeName>();
  for (const claim of Object.keys(grant.claims?.id_token ?? {})) {
    const attribute = names[claim] ?? standard[claim];
    if (attribute !== undefined && grant.granted.includes(attribute)) out.add(attribute);
  }
  return out;
}

/** Issue the ID token of a grant. `withNonce` is false after a refresh (OIDC Core §12.2). */
export async function issueIdToken(
  ctx: Context,
  grant: Grant,
  client: MockClient,
  persona: Persona,
  withNonce: boolean,
): Promise<string> {
  const dialect = DIALECTS[client.dialect];
  const now = epochSeconds(ctx);
  const granted = new Set(grant.granted);
  const payload: JWTPayload & Record<string, unknown> = {
    ...dialect.idTokenExtras(persona, granted),
    ...withVerifiedClaims(
      dialect.claims(persona, idTokenAttributes(grant, client)),
      persona,
      client,
    ),
    iss: ctx.issuer,
    sub: await subjectFor(persona, client),
    aud: client.clientId,
    iat: now,
    exp: now + ctx.options.lifetimes.idToken,
    auth_time: grant.authTime,
    acr: grant.acr,
    amr: [...grant.amr],
    sid: grant.sid,
    azp: client.clientId,
  };
  if (withNonce && grant.nonce !== undefined) payload.nonce = grant.nonce;

  const f = ctx.faults;
  if (f.take('id_token_expired')) {
    payload.iat = now - 2 * ctx.options.lifetimes.idToken;
    payload.exp = now - ctx.options.lifetimes.idToken;
  }
  if (f.take('id_token_iat_future')) {
    payload.iat = now + 3_600;
    payload.exp = now + 3_600 + ctx.options.lifetimes.idToken;
  }
  if (f.take('id_token_wrong_issuer')) payload.iss = 'https://wrong-issuer.invalid';
  if (f.take('id_token_wrong_audience')) payload.aud = 'some-other-client';
  if (f.take('id_token_missing_nonce')) delete payload.nonce;
  if (f.take('id_token_wrong_nonce')) payload.nonce = randomToken(16);
  if (f.take('id_token_lower_acr')) {
    const level = dialect.level(grant.acr) ?? 1;
    payload.acr = dialect.acr(level === 2 ? 1 : 0);
  }

  let jws: string;
  if (f.take('id_token_alg_none')) {
    jws = unsecuredJwt(payload);
  } else {
    const key = f.take('id_token_unknown_kid')
      ? await ctx.keys.unpublishedKey()
      : ctx.keys.signingKey;
    jws = await signJwt(payload, key);
    if (f.take('id_token_bad_signature')) jws = corruptSignature(jws);
  }
  const encryptionKey = encryptionKeyOf(client);
  if (encryptionKey === undefined) return jws;
  const jwe = await encryptForClient(jws, client, encryptionKey);
  ctx.store.encryptedIdTokens.set(jwe, {
    iss: ctx.issuer,
    aud: client.clientId,
    sid: grant.sid,
    keepUntil: ctx.now() + ctx.options.lifetimes.refreshToken * 1000,
  });
  return jwe;
}
