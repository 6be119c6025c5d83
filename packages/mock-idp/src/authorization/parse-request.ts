/**
 * Validate an authorization request (OIDC Core §3.1.2.2, RFC 7636, RFC 9126). Shared by
 * /authorize, /par and /device_authorization. Two phases: the client and redirect URI
 * (errors shown on a page, never redirected), then everything else (errors redirected).
 */
import { z } from 'zod';
import type { Context } from '../context';
import type { PageLocale } from '../page-models';
import type { MockClient } from '../options';
import { matchesRedirectUri } from '../clients/redirect-uri';
import type { PageProblemKind } from '../pages/problems';
import type { AuthorizationRequest, ClaimsRequest } from '../store/types';
import { OAuthProblem, single } from '../util/http';
import { splitList } from '../util/scope';

/** A problem that must be shown on the error page (no trusted redirect URI). */
export class PageProblem extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    /** What the citizen is told about it. */
    readonly kind: PageProblemKind = 'bad_link',
  ) {
    super(description);
  }
}

const REGISTER_HOW = 'register it with --config <file> (the CLI) or the clients option';

/** Find the client and check the redirect URI; failures are {@link PageProblem}s. */
export function resolveClient(
  ctx: Context,
  params: URLSearchParams,
): { client: MockClient; redirectUri: string } {
  const clientId = params.get('client_id');
  if (clientId === null || clientId === '')
    throw new PageProblem('invalid_request', 'client_id is missing');
  const client = ctx.clients.get(clientId);
  if (client === undefined) {
    throw new PageProblem(
      'invalid_client',
      `unknown client_id ${clientId}; registered: ${[...ctx.clients.keys()].join(', ')}; ${REGISTER_HOW}`,
      'unknown_client',
    );
  }
  const redirectUris = params.getAll('redirect_uri');
  const redirectUri = redirectUris[0];
  if (redirectUris.length !== 1 || redirectUri === undefined || redirectUri === '') {
    throw new PageProblem('invalid_request', 'redirect_uri is missing or repeated');
  }
  if (!matchesRedirectUri(client.redirectUris, redirectUri)) {
    throw new PageProblem(
      'invalid_request',
      `redirect_uri is not registered for this client: ${redirectUri} is not one of ` +
        `${client.redirectUris.join(', ')} registered for ${client.clientId}. Redirect URIs ` +
        'match exactly (only a loopback IP literal such as http://127.0.0.1 may change its ' +
        `port, RFC 8252 §7.3); ${REGISTER_HOW}`,
      'unregistered_redirect',
    );
  }
  return { client, redirectUri };
}

const claimRequestSchema = z
  .object({
    essential: z.boolean().optional(),
    value: z.unknown().optional(),
    values: z.array(z.unknown()).optional(),
    purpose: z.string().optional(),
  })
  .nullable();
const claimsSchema = z.object({
  id_token: z.record(z.string(), claimRequestSchema).optional(),
  userinfo: z.record(z.string(), claimRequestSchema).optional(),
});

function parseClaims(raw: string | undefined): ClaimsRequest | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new OAuthProblem('invalid_request', 'claims is not valid JSON');
  }
  const parsed = claimsSchema.safeParse(value);
  if (!parsed.success)
    throw new OAuthProblem('invalid_request', 'claims does not follow OpenID Connect Core §5.5');
  return parsed.data as ClaimsRequest;
}

function locale(ctx: Context, uiLocales: string | undefined): PageLocale {
  for (const tag of splitList(uiLocales)) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'vi' || lang === 'en') return lang;
  }
  return ctx.options.locale;
}

function firstPurpose(claims: ClaimsRequest | undefined): string | undefined {
  for (const target of [claims?.userinfo, claims?.id_token]) {
    for (const spec of Object.values(target ?? {}))
      if (spec?.purpose !== undefined) return spec.purpose;
  }
  return undefined;
}

/** Validate the rest of the request; failures are {@link OAuthProblem}s to redirect. */
export function parseAuthorizationRequest(
  ctx: Context,
  params: URLSearchParams,
  client: MockClient,
  redirectUri: string,
  { flow }: { flow: 'code' | 'device' } = { flow: 'code' },
): AuthorizationRequest {
  if (single(params, 'request') !== undefined) {
    throw new OAuthProblem('request_not_supported', 'request objects are not supported; use /par');
  }
  if (flow === 'code') {
    const responseType = single(params, 'response_type');
    if (responseType === undefined)
      throw new OAuthProblem('invalid_request', 'response_type is missing');
    if (responseType !== 'code') {
      throw new OAuthProblem('unsupported_response_type', 'only response_type=code is supported');
    }
    const responseMode = single(params, 'response_mode');
    if (responseMode !== undefined && responseMode !== 'query') {
      throw new OAuthProblem('invalid_request', 'only response_mode=query is supported');
    }
  }
  const scope = splitList(single(params, 'scope'));
  if (!scope.includes('openid'))
    throw new OAuthProblem('invalid_scope', 'scope must include openid');

  let codeChallenge = '';
  // vneid-partner: PKCE is not part of the observed protocol; a challenge sent is ignored
  if (flow === 'code' && client.dialect !== 'vneid-partner') {
    const challenge = single(params, 'code_challenge');
    const method = single(params, 'code_challenge_method');
    if (challenge === undefined)
      throw new OAuthProblem('invalid_request', 'code_challenge is required (PKCE)');
    if (method !== 'S256')
      throw new OAuthProblem('invalid_request', 'code_challenge_method must be S256');
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      throw new OAuthProblem(
        'invalid_request',
        'code_challenge must be a base64url SHA-256 (43 characters)',
      );
    }
    codeChallenge = challenge;
  }

  const prompt = splitList(single(params, 'prompt'));
  if (prompt.some((p) => !['none', 'login', 'consent', 'select_account'].includes(p))) {
    throw new OAuthProblem('invalid_request', 'unsupported prompt value');
  }
  if (prompt.includes('none') && prompt.length > 1) {
    throw new OAuthProblem('invalid_request', 'prompt=none cannot be combined with other values');
  }
  const maxAgeRaw = single(params, 'max_age');
  let maxAge: number | undefined;
  if (maxAgeRaw !== undefined) {
    if (!/^\d+$/.test(maxAgeRaw))
      throw new OAuthProblem('invalid_request', 'max_age must be a non-negative integer');
    maxAge = Number(maxAgeRaw);
  }
  const claims = parseClaims(single(params, 'claims'));
  const state = single(params, 'state');
  const nonce = single(params, 'nonce');
  const loginHint = single(params, 'login_hint');
  const purpose = single(params, 'purpose') ?? firstPurpose(claims) ?? client.purpose;
  const dpopJkt = single(params, 'dpop_jkt');
  if (dpopJkt !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(dpopJkt)) {
    throw new OAuthProblem(
      'invalid_request',
      'dpop_jkt must be a base64url SHA-256 JWK thumbprint',
    );
  }
  return {
    clientId: client.clientId,
    redirectUri,
    scope,
    codeChallenge,
    acrValues: splitList(single(params, 'acr_values')),
    prompt,
    locale: locale(ctx, single(params, 'ui_locales')),
    ...(state === undefined ? {} : { state }),
    ...(nonce === undefined ? {} : { nonce }),
    ...(maxAge === undefined ? {} : { maxAge }),
    ...(loginHint === undefined ? {} : { loginHint }),
    ...(claims === undefined ? {} : { claims }),
    ...(purpose === undefined ? {} : { purpose }),
    ...(dpopJkt === undefined ? {} : { dpopJkt }),
  };
}
