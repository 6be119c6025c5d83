import { DinhDanhError, isDinhDanhError } from '../errors';
import { parseJsonObject } from '../http/json';
import { readRequestText } from '../http/read-body';
import type { RelyingParty } from '../rp/types';
import { qrLoginHandleSchema, type QrLoginHandle } from '../rp/wire';
import { sealValue, unsealValue } from '../seal/seal';
import { clearCookie, cookieName, writeCookie } from '../sessions/cookies';
import type { SessionManager } from '../sessions/manager';
import type { RequestContext } from './context';
import { checkedSession } from './csrf';
import type { ResolvedOptions } from './options';
import { runOnLogin } from './on-login';
import { pickRequest } from './requests';
import { json } from './responses';
import { checkReturnTo } from './return-to';
import * as z from 'zod/mini';

const qrStateSchema = z.object({ handle: qrLoginHandleSchema, returnTo: z.string() });

/** What `POST {basePath}/qr/start` answers: what to show, never the device code. */
export interface QrStartResponse {
  /** Encode this in the QR code. */
  readonly qrUri: string;
  /** Code the citizen may type instead. */
  readonly userCode?: string;
  /** When it expires (ISO 8601). */
  readonly expiresAt: string;
  /** Seconds between polls. */
  readonly interval: number;
}

/** What `GET {basePath}/qr/poll` answers. */
export type QrPollResponse =
  | { readonly status: 'pending' | 'slow_down'; readonly interval: number }
  | { readonly status: 'approved'; readonly returnTo: string }
  | { readonly status: 'denied' | 'expired' };

const MAX_BODY = 16 * 1024;

/** The QR start body: a JSON object (empty when none was sent as JSON). */
async function readStartBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) return {};
  const text = await readRequestText(request, MAX_BODY);
  const parsed = parseJsonObject(text === '' ? '{}' : text);
  if (parsed === undefined) {
    throw new DinhDanhError('input_invalid', 'The request body must be a JSON object.');
  }
  return parsed;
}

async function sealState(
  options: ResolvedOptions,
  ctx: RequestContext,
  headers: Headers,
  state: { handle: QrLoginHandle; returnTo: string },
): Promise<void> {
  const ttl = Math.max(1, Math.ceil((state.handle.expiresAt - options.now()) / 1000));
  const sealed = await sealValue('qr', state, { secrets: options.secrets, ttl, now: options.now });
  writeCookie(
    headers,
    cookieName(options.companionCookies.qr, ctx.policy),
    sealed,
    ctx.policy,
    ttl,
  );
}

/** `POST {basePath}/qr/start`: starts a cross-device login; the handle stays in a sealed cookie. */
export async function qrStart(
  rp: RelyingParty,
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  await checkedSession(options, sessions, ctx);
  const body = await readStartBody(ctx.request);
  const query = ctx.url.searchParams;
  const { level, claims, required, purpose } = pickRequest(options.requests, {
    request: body.request ?? query.get('request'),
    level: body.level ?? query.get('level'),
    has: (key) => Object.hasOwn(body, key) || query.has(key),
  });
  const returnToParam = body.returnTo ?? query.get('returnTo');
  const returnTo =
    returnToParam === null || returnToParam === undefined
      ? options.defaultReturnTo
      : checkReturnTo(returnToParam, ctx.origin);
  const start = await rp.startQrLogin({
    ...(level === undefined ? {} : { level }),
    ...(claims === undefined ? {} : { claims }),
    ...(required === undefined ? {} : { required }),
    ...(purpose === undefined ? {} : { purpose }),
  });
  const { headers } = ctx;
  await sealState(options, ctx, headers, { handle: start.handle, returnTo });
  const answer: QrStartResponse = {
    qrUri: start.qrUri,
    ...(start.userCode === undefined ? {} : { userCode: start.userCode }),
    expiresAt: new Date(start.expiresAt).toISOString(),
    interval: start.interval,
  };
  return json(answer, 200, headers);
}

/**
 * `GET {basePath}/qr/poll`: polls once; on approval runs `onLogin` and creates the session.
 * A finished login (approved, denied, expired) clears the QR cookie, errors included.
 */
export async function qrPoll(
  rp: RelyingParty,
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  const name = cookieName(options.companionCookies.qr, ctx.policy);
  const sealed = ctx.cookies[name];
  if (sealed === undefined || sealed === '') {
    throw new DinhDanhError(
      'qr_invalid',
      'No QR login is in progress in this browser. Start again.',
    );
  }
  let state: z.infer<typeof qrStateSchema>;
  try {
    const parsed = qrStateSchema.safeParse(
      await unsealValue('qr', sealed, { secrets: options.secrets, now: options.now }),
    );
    if (!parsed.success) throw new DinhDanhError('seal_invalid', 'Unknown QR state.');
    state = parsed.data;
  } catch (error) {
    if (isDinhDanhError(error, 'seal_expired')) {
      throw new DinhDanhError('qr_expired', 'The QR code has expired. Start again.');
    }
    if (isDinhDanhError(error, 'seal_invalid')) {
      throw new DinhDanhError('qr_invalid', 'The QR login cookie is not valid. Start again.');
    }
    throw error;
  }
  const { handle } = state;
  const { headers } = ctx;
  const status = await rp.pollQrLogin(handle);
  let answer: QrPollResponse;
  switch (status.status) {
    case 'pending':
      answer = { status: 'pending', interval: handle.interval };
      break;
    case 'slow_down':
      await sealState(options, ctx, headers, {
        handle: { ...handle, interval: status.interval },
        returnTo: state.returnTo,
      });
      answer = { status: 'slow_down', interval: status.interval };
      break;
    case 'approved': {
      clearCookie(headers, name, ctx.policy);
      const custom = await runOnLogin(options, status.result, ctx.request, headers);
      if (custom !== undefined) return custom;
      const session = sessions.create(status.result);
      await sessions.commit(session, headers, ctx.cookies, ctx.policy);
      answer = { status: 'approved', returnTo: checkReturnTo(state.returnTo, ctx.origin) };
      break;
    }
    default:
      clearCookie(headers, name, ctx.policy);
      answer = { status: status.status };
  }
  return json(answer, 200, headers);
}
