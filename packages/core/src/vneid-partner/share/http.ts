/**
 * Calls to the share API: the client authenticates as at the token endpoint (the partner
 * profile: `client_id` + `client_secret` in the form body; other profiles: HTTP Basic),
 * bodies are bounded, and errors never echo the body, the secret or the `txnId`.
 */
import { DinhDanhError, isDinhDanhError } from '../../errors';
import { boundedFetch } from '../../http/bounded-fetch';
import { parseJsonObject } from '../../http/json';
import { providerError } from '../../http/provider-error';
import type { CrossDeviceContext } from '../../providers/profile';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_BODY_BYTES = 256 * 1024;

/** The URL when it parses and is https (http only for localhost), else `undefined`. */
export function secureUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  return secure && url.username === '' && url.password === '' ? url : undefined;
}

/** The share API base: the configured one, or `${issuer}/share`. */
export function shareEndpoint(issuer: string, configured: string | undefined): URL {
  const url = secureUrl(configured ?? `${issuer.replace(/\/+$/, '')}/share`);
  if (url === undefined) {
    throw new DinhDanhError(
      'config_invalid',
      'The share endpoint must be an https URL (http only for localhost); set endpoint or fix the issuer.',
      { path: 'endpoint' },
    );
  }
  return url;
}

function credentials(ctx: CrossDeviceContext): {
  headers: Record<string, string>;
  form: Record<string, string>;
} {
  const auth = ctx.options.clientAuth;
  if (auth.method !== 'client_secret_basic' && auth.method !== 'client_secret_post') {
    throw new DinhDanhError(
      'config_invalid',
      'Share transactions authenticate the client with its secret: set clientAuth to { method: "client_secret_post", clientSecret }.',
      { path: 'clientAuth' },
    );
  }
  if (
    auth.method === 'client_secret_post' ||
    ctx.profile.protocol?.tokenAuth === 'client_secret_post'
  ) {
    return {
      headers: {},
      form: { client_id: ctx.options.clientId, client_secret: auth.clientSecret },
    };
  }
  // RFC 6749 §2.3.1: both parts form-urlencoded before base64.
  const user = new URLSearchParams({ u: ctx.options.clientId }).toString().slice(2);
  const pass = new URLSearchParams({ p: auth.clientSecret }).toString().slice(2);
  return { headers: { authorization: `Basic ${btoa(`${user}:${pass}`)}` }, form: {} };
}

/** A share API answer: its HTTP status and JSON object body. */
export interface ShareAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * POSTs a form to the share API with the client's credentials and reads the JSON answer.
 * Provider OAuth errors keep their code; 404 is returned to the caller to interpret.
 * @throws `provider_unreachable`, `provider_response_invalid`, the provider's error code,
 * `config_invalid` without a client secret.
 */
export async function sharePost(
  ctx: CrossDeviceContext,
  url: URL,
  form: Record<string, string>,
  what: 'start' | 'status',
): Promise<ShareAnswer> {
  const auth = credentials(ctx);
  const fetchFn = boundedFetch(ctx.fetch, MAX_BODY_BYTES);
  let response: Response;
  try {
    response = await fetchFn(url.href, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...auth.headers,
      },
      body: new URLSearchParams({ ...form, ...auth.form }).toString(),
      // ctx.fetch bounds the wait (httpTimeoutMs), the body read included.
      redirect: 'manual',
    });
  } catch (error) {
    if (isDinhDanhError(error)) throw error;
    throw new DinhDanhError(
      'provider_unreachable',
      `The provider's share ${what} endpoint could not be reached.`,
    );
  }
  const body = parseJsonObject(await response.text());
  if (response.status === 404) return { status: 404, body: body ?? {} };
  if (!response.ok) {
    const error = body?.error;
    const description = body?.error_description;
    if (typeof error === 'string' && error !== '') {
      throw providerError(error, typeof description === 'string' ? description : undefined);
    }
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's share ${what} endpoint answered HTTP ${String(response.status)}.`,
    );
  }
  if (body === undefined) {
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's share ${what} response is not a JSON object.`,
    );
  }
  return { status: response.status, body };
}
