/**
 * Token and userinfo requests of a plug-in protocol: plain `fetch` (openid-client cannot
 * read enveloped bodies), the body decoded by the profile, never echoed in errors.
 */
import { DinhDanhError } from '../../errors';
import { parseJsonObject, providerJsonObject } from '../../http/json';
import { providerError } from '../../http/provider-error';
import type { ProtocolPlugins } from '../../providers/profile';
import type { RpContext } from '../../rp/context';
import { isTimeout, readCapped, timedOut, unreachable } from './read-capped';

type Kind = 'token' | 'userinfo';

async function send(ctx: RpContext, url: URL, init: RequestInit, kind: Kind): Promise<Response> {
  try {
    // ctx.fetch bounds the wait (httpTimeoutMs), its expiry marked as a timeout.
    return await ctx.fetch(url.href, { ...init, redirect: 'manual' });
  } catch (error) {
    throw isTimeout(error) ? timedOut(kind) : unreachable(kind);
  }
}

/** Reads a response as the profile says: decoded (envelope) or plain JSON, within its limit. */
async function readAnswer(
  ctx: RpContext,
  response: Response,
  protocol: ProtocolPlugins,
  kind: Kind,
): Promise<Record<string, unknown>> {
  const limit = protocol.maxBodyBytes?.[kind] ?? ctx.options.maxTokenBytes * 4;
  if (kind === 'userinfo' && (response.status === 401 || response.status === 403)) {
    await response.body?.cancel().catch(() => undefined);
    throw new DinhDanhError(
      'userinfo_unauthorized',
      `The provider's userinfo endpoint refused the access token (HTTP ${String(response.status)}); log in again, or check the client's permissions with the provider.`,
      { path: 'userinfo' },
    );
  }
  const text = await readCapped(response, kind, limit);
  if (!response.ok) {
    // Errors are plain OAuth JSON when they are readable at all; never echo the body.
    const parsed = parseJsonObject(text);
    const error = parsed?.error;
    const description = parsed?.error_description;
    if (typeof error === 'string' && error !== '') {
      throw providerError(error, typeof description === 'string' ? description : undefined);
    }
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's ${kind} endpoint answered HTTP ${String(response.status)}.`,
    );
  }
  return protocol.decodeBody === undefined
    ? providerJsonObject(text, kind)
    : protocol.decodeBody(text, kind);
}

/**
 * Calls the token endpoint (code redemption or refresh) with the client secret in the form
 * body (`client_secret_post`); the response decoded as the profile says.
 */
export async function requestTokens(
  ctx: RpContext,
  protocol: ProtocolPlugins,
  url: URL,
  form: Record<string, string>,
): Promise<Record<string, unknown>> {
  const auth = ctx.options.clientAuth;
  if (auth.method !== 'client_secret_post') {
    // createRelyingParty refuses this combination already (config/provider.ts); defence in depth.
    throw new DinhDanhError(
      'config_invalid',
      'This provider authenticates clients with client_secret_post: set clientAuth to { method: "client_secret_post", clientSecret }.',
      { path: 'clientAuth' },
    );
  }
  const body = new URLSearchParams({
    ...form,
    client_id: ctx.options.clientId,
    client_secret: auth.clientSecret,
  });
  const response = await send(
    ctx,
    url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: body.toString(),
    },
    'token',
  );
  return readAnswer(ctx, response, protocol, 'token');
}

/** Fetches userinfo with the access token as a bearer token. */
export async function requestUserinfo(
  ctx: RpContext,
  protocol: ProtocolPlugins,
  url: URL,
  accessToken: string,
): Promise<Record<string, unknown>> {
  const response = await send(
    ctx,
    url,
    {
      method: 'GET',
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    },
    'userinfo',
  );
  return readAnswer(ctx, response, protocol, 'userinfo');
}
