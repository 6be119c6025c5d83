/** Starts a browser login: PKCE S256, state, nonce, level, PAR when offered. */
import * as client from 'openid-client';
import * as z from 'zod/mini';
import { zodMessages } from '../config/messages';
import { DinhDanhError } from '../errors';
import { protocolError } from '../http/protocol-error';
import type { RpContext } from '../rp/context';
import type { LoginStart, LoginTransaction, StartLoginOptions } from '../rp/types';
import {
  acrParameter,
  claimsParameter,
  namesAttributes,
  readLoginRequest,
  scopesFor,
} from './request';

const PROTOCOL_PARAMS = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'acr_values',
  'prompt',
  'max_age',
  'ui_locales',
  'request',
  'request_uri',
  'claims',
]);

const browserOptionsSchema = z.object({
  returnTo: z.optional(z.string().check(z.maxLength(2048))),
  prompt: z.optional(z.enum(['none', 'login', 'consent', 'select_account'])),
  maxAge: z.optional(z.int().check(z.gte(0), z.lte(31_536_000))),
  locale: z.optional(
    z
      .string()
      .check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( [A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*$/)),
  ),
  extraParams: z.optional(z.record(z.string(), z.string())),
});

/**
 * Builds the authorization URL and the transaction.
 * @throws DinhDanhError input_invalid, purpose_required, config_invalid (PAR required but not offered).
 */
export async function startLogin(
  ctx: RpContext,
  options: StartLoginOptions = {},
): Promise<LoginStart> {
  const request = readLoginRequest(ctx, {
    level: options.level,
    ...(options.claims === undefined ? {} : { claims: options.claims }),
    ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
    required: options.required,
    purpose: options.purpose,
  });
  const parsed = browserOptionsSchema.safeParse(options, zodMessages);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DinhDanhError(
      'input_invalid',
      `Invalid login option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      {
        path: issue?.path.join('.') ?? '',
      },
    );
  }
  const browser = parsed.data;
  const metadata = await ctx.metadata.get();
  const config = await ctx.client();

  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const byName = namesAttributes(ctx, metadata);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(browser.extraParams ?? {}))
    if (!PROTOCOL_PARAMS.has(key)) params[key] = value;
  Object.assign(params, {
    redirect_uri: ctx.options.redirectUri,
    response_type: 'code',
    scope: scopesFor(ctx, request.claims, byName),
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  const claims = byName ? claimsParameter(ctx, request) : undefined;
  if (claims !== undefined) params.claims = claims;
  const acr = acrParameter(ctx, request.level);
  if (acr !== undefined) params.acr_values = acr;
  if (browser.prompt !== undefined) params.prompt = browser.prompt;
  if (browser.maxAge !== undefined) params.max_age = String(browser.maxAge);
  if (browser.locale !== undefined) params.ui_locales = browser.locale;

  const offersPar = typeof metadata.pushed_authorization_request_endpoint === 'string';
  if (ctx.options.par === 'required' && !offersPar) {
    throw new DinhDanhError(
      'config_invalid',
      'PAR is required by configuration but the provider does not offer a pushed_authorization_request_endpoint.',
      { path: 'par' },
    );
  }
  const usePar =
    offersPar &&
    (ctx.options.par !== 'off' || metadata.require_pushed_authorization_requests === true);
  let url: URL;
  try {
    url = usePar
      ? await client.buildAuthorizationUrlWithPAR(config, params, await ctx.dpop(config))
      : client.buildAuthorizationUrl(config, params);
  } catch (error) {
    throw protocolError(error);
  }
  const transaction: LoginTransaction = {
    v: 1,
    state,
    nonce,
    codeVerifier,
    level: request.level,
    claims: request.claims,
    required: request.required,
    ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
    ...(browser.returnTo === undefined ? {} : { returnTo: browser.returnTo }),
    ...(browser.maxAge === undefined ? {} : { maxAge: browser.maxAge }),
    redirectUri: ctx.options.redirectUri,
    issuer: ctx.options.issuer,
    createdAt: ctx.now(),
  };
  return { url: url.href, transaction };
}
