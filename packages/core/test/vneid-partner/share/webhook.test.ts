/** shareWebhookHandler: signed deliveries recorded for the next poll; every refusal its own code. */
import { describe, expect, it } from 'vitest';
import { memoryReplayCache, signWebhook } from '@dinhdanh/core';
import type { DinhDanhError } from '@dinhdanh/core';
import { memoryShareResultStore, shareWebhookHandler } from '@dinhdanh/core/vneid-partner';
import type { ShareOutcome, ShareResultStore } from '@dinhdanh/core/vneid-partner';
import {
  failure,
  fakeShareApi,
  HOOK_SECRET,
  noLeak,
  NOW,
  outcome,
  PID,
  PURPOSE,
  shareRp,
  TXN_ID,
} from './fixture';

const clock = () => NOW;

async function delivery(
  options: {
    secret?: string;
    seconds?: number;
    body?: string;
    sendBody?: string;
    method?: string;
  } = {},
): Promise<Request> {
  const body = options.body ?? JSON.stringify(outcome());
  const signed = await signWebhook(body, {
    secret: options.secret ?? HOOK_SECRET,
    timestamp: options.seconds ?? NOW / 1000,
  });
  return new Request('https://bank.example/vneid/share', {
    method: options.method ?? 'POST',
    headers: { ...signed.headers, 'content-type': 'application/json' },
    ...(options.method === 'GET' ? {} : { body: options.sendBody ?? body }),
  });
}

function handler(
  results: ShareResultStore = memoryShareResultStore({ now: clock }),
  errors: DinhDanhError[] = [],
) {
  return shareWebhookHandler({
    secret: HOOK_SECRET,
    results,
    replayCache: memoryReplayCache({ now: clock }),
    now: clock,
    onError: (error) => errors.push(error),
  });
}

async function refusal(response: Response): Promise<{ status: number; error: unknown }> {
  const body = (await response.json()) as { error?: unknown };
  return { status: response.status, error: body.error };
}

describe('shareWebhookHandler', () => {
  it('records a verified result (204); the next poll answers from it without the provider', async () => {
    const results = memoryShareResultStore({ now: clock });
    const response = await handler(results)(await delivery());
    expect(response.status).toBe(204);

    const api = fakeShareApi();
    const rp = shareRp(api, { results });
    const { handle } = await rp.startQrLogin({
      level: 2,
      claims: ['pid', 'name'],
      purpose: PURPOSE,
    });
    const status = await rp.pollQrLogin(handle);
    expect(status.status).toBe('approved');
    expect(api.seen).toHaveLength(1); // the start only
    // taken once: the next poll asks the provider
    expect(await rp.pollQrLogin(handle)).toEqual({ status: 'pending' });
    expect(api.seen).toHaveLength(2);
  });

  it('with pollProvider: false a poll without a webhook result is pending, the provider untouched', async () => {
    const api = fakeShareApi();
    const rp = shareRp(api, { results: memoryShareResultStore(), pollProvider: false });
    const { handle } = await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    expect(await rp.pollQrLogin(handle)).toEqual({ status: 'pending' });
    expect(api.seen).toHaveLength(1);
  });

  it('wrong secret: 401 webhook_signature_invalid, nothing recorded', async () => {
    const results = memoryShareResultStore({ now: clock });
    const errors: DinhDanhError[] = [];
    const response = await handler(
      results,
      errors,
    )(await delivery({ secret: 'another-webhook-secret-0123456789-abcdefgh' }));
    expect(await refusal(response)).toEqual({ status: 401, error: 'webhook_signature_invalid' });
    expect(await results.take(TXN_ID)).toBeUndefined();
    expect(errors.map((e) => e.code)).toEqual(['webhook_signature_invalid']);
    noLeak(errors.map((e) => `${e.message} ${JSON.stringify(e)}`).join(' '));
  });

  it('altered body: 401 webhook_signature_invalid', async () => {
    const body = JSON.stringify(outcome());
    const response = await handler()(
      await delivery({ body, sendBody: body.replace('Nguyễn Văn An', 'Nguyễn Văn Ba') }),
    );
    expect(await refusal(response)).toEqual({ status: 401, error: 'webhook_signature_invalid' });
  });

  it('stale timestamp: 401 webhook_timestamp_invalid', async () => {
    const response = await handler()(await delivery({ seconds: NOW / 1000 - 301 }));
    expect(await refusal(response)).toEqual({ status: 401, error: 'webhook_timestamp_invalid' });
  });

  it('replay: 409 webhook_replayed', async () => {
    const receive = handler();
    const first = await delivery();
    const again = await delivery();
    expect((await receive(first)).status).toBe(204);
    expect(await refusal(await receive(again))).toEqual({ status: 409, error: 'webhook_replayed' });
  });

  it('a signed body that is not a share result: 400 provider_response_invalid', async () => {
    const response = await handler()(await delivery({ body: JSON.stringify({ hello: 'world' }) }));
    expect(await refusal(response)).toEqual({ status: 400, error: 'provider_response_invalid' });
  });

  it('another method: 405', async () => {
    const response = await handler()(await delivery({ method: 'GET' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('a pending result is acknowledged and not recorded', async () => {
    const results = memoryShareResultStore({ now: clock });
    const body = JSON.stringify(outcome({ status: 'pending', data: undefined }));
    expect((await handler(results)(await delivery({ body }))).status).toBe(204);
    expect(await results.take(TXN_ID)).toBeUndefined();
  });

  it('a failing store: 503 store_unavailable, nothing of the result in the error', async () => {
    const broken: ShareResultStore = {
      put: () => Promise.reject(new Error(`redis down while writing ${PID}`)),
      take: () => Promise.resolve(undefined),
    };
    const errors: DinhDanhError[] = [];
    const response = await handler(broken, errors)(await delivery());
    expect(await refusal(response)).toEqual({ status: 503, error: 'store_unavailable' });
    noLeak(errors.map((e) => `${e.message} ${JSON.stringify(e)} ${String(e.cause)}`).join(' '));
  });

  it('keeps a result no longer than retainSeconds', async () => {
    let put: number | undefined;
    const spy: ShareResultStore = {
      put: (_id: string, _o: ShareOutcome, expiresAt: number) => {
        put = expiresAt;
        return Promise.resolve();
      },
      take: () => Promise.resolve(undefined),
    };
    const receive = shareWebhookHandler({
      secret: HOOK_SECRET,
      results: spy,
      now: clock,
      retainSeconds: 30,
    });
    expect((await receive(await delivery())).status).toBe(204);
    expect(put).toBe(NOW + 30_000);
  });

  it('refuses a configuration without a result store: config_invalid', async () => {
    expect(
      (
        await failure(
          Promise.resolve().then(() =>
            shareWebhookHandler({ secret: HOOK_SECRET } as unknown as Parameters<
              typeof shareWebhookHandler
            >[0]),
          ),
        )
      ).code,
    ).toBe('config_invalid');
    expect(
      (
        await failure(
          Promise.resolve().then(() =>
            shareWebhookHandler({
              secret: HOOK_SECRET,
              results: memoryShareResultStore(),
              retainSeconds: 0,
            }),
          ),
        )
      ).code,
    ).toBe('config_invalid');
  });

  it('a short secret answers 500 config_invalid (fails closed)', async () => {
    const receive = shareWebhookHandler({ secret: 'short', results: memoryShareResultStore() });
    expect(await refusal(await receive(await delivery()))).toEqual({
      status: 500,
      error: 'config_invalid',
    });
  });
});
