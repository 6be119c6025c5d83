/**
 * Token and userinfo requests of a plug-in protocol: plain `fetch` (openid-client cannot
 * read enveloped bodies), the body decoded by the profile, never echoed in errors.
 */
import { DinhDanhError, isDinhDanhError } from '../../errors';
import { boundedFetch } from '../../http/bounded-fetch';
import { parseJsonObject } from '../../http/json';
import { providerError } from '../../http/protocol-error';
import type { ProtocolPlugins } from '../../providers/profile';
import type { RpContext } from '../../rp/context';

function parseObject(text: string, what: string): Record<string, unknown> {
  const value = parseJsonObject(text);
  if (value === undefined) {
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's ${what} response is not a JSON object.`,
    );
  }
  return value;
}

function unreachable(what: string): DinhDanhError {
  return new DinhDanhError(
    'provider_unreachable',
    `The provider's ${what} endpoint could not be reached.`,
  );
}

async function send(ctx: RpContext, url: URL, init: RequestInit, what: string): Promise<Response> {
  const fetchFn = boundedFetch(ctx.fetch, ctx.options.maxTokenBytes * 4);
  try {
    // ctx.fetch bounds the wait (httpTimeoutMs): a stalled provider fails the login.
    return await fetchFn(url.href, { ...init, redirect: 'manual' });
  } catch (error) {
    if (isDinhDanhError(error)) throw error;
    throw unreachable(what);
  }
}

/** Reads a provider's answer as the profile says: decoded (envelope) or plain JSON. */
async function readAnswer(
  response: Response,
  protocol: ProtocolPlugins,
  kind: 'token' | 'userinfo',
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The body timed out (that error names the endpoint) or broke off while it was read.
    if (isDinhDanhError(error)) throw error;
    throw unreachable(kind);
  }
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
      `The provider's ${kind} endpoint answered HTTP ${response.status}.`,
    );
  }
  return protocol.decodeBody === undefined
    ? parseObject(text, kind)
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
  return readAnswer(response, protocol, 'token');
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
  return readAnswer(response, protocol, 'userinfo');
}
