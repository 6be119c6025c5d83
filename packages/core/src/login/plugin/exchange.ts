/**
 * Token and userinfo requests of a plug-in protocol: plain `fetch` (openid-client cannot
 * read enveloped bodies), the body decoded by the profile, never echoed in errors.
 */
import { DinhDanhError, isDinhDanhError } from '../../errors';
import { boundedFetch } from '../../http/bounded-fetch';
import { providerError } from '../../http/protocol-error';
import type { ProtocolPlugins } from '../../providers/profile';
import type { RpContext } from '../../rp/context';

function parseObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's ${what} response is not a JSON object.`,
    );
  }
  return value as Record<string, unknown>;
}

/** As openid-client's default: a stalled provider fails the login instead of hanging it. */
const TIMEOUT_MS = 30_000;

function unreachable(what: string): DinhDanhError {
  return new DinhDanhError(
    'provider_unreachable',
    `The provider's ${what} endpoint could not be reached.`,
  );
}

async function send(ctx: RpContext, url: URL, init: RequestInit, what: string): Promise<Response> {
  const fetchFn = boundedFetch(ctx.fetch, ctx.options.maxTokenBytes * 4);
  try {
    return await fetchFn(url.href, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (isDinhDanhError(error)) throw error;
    throw unreachable(what);
  }
}

/** Reads a response as the profile says: decoded (envelope) or plain JSON. */
async function readBody(
  response: Response,
  protocol: ProtocolPlugins,
  kind: 'token' | 'userinfo',
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    // The body broke off or timed out while it was read.
    throw unreachable(kind);
  }
  if (!response.ok) {
    // Errors are plain OAuth JSON when they are readable at all; never echo the body.
    let error: unknown;
    let description: unknown;
    try {
      const parsed = JSON.parse(text) as { error?: unknown; error_description?: unknown };
      error = parsed.error;
      description = parsed.error_description;
    } catch {
      error = undefined;
    }
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
  return readBody(response, protocol, 'token');
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
  return readBody(response, protocol, 'userinfo');
}
