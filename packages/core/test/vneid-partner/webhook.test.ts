import { describe, expect, it } from 'vitest';
import { memoryReplayCache, signWebhook, verifyWebhook } from '@dinhdanh/core';
import type { ReplayCache } from '@dinhdanh/core';

const SECRET = 'synthetic-webhook-secret-0123456789abcdef';
const NOW = 1_790_000_000_000; // a fixed instant, epoch ms
const clock = () => NOW;
const nowSeconds = NOW / 1000;
const body = JSON.stringify({ txnId: 'txn-1', status: 'approved', attributes: ['citizenPid'] });

async function delivery(
  options: { secret?: string; timestamp?: number; body?: string; sendBody?: string } = {},
): Promise<Request> {
  const signed = await signWebhook(options.body ?? body, {
    secret: options.secret ?? SECRET,
    timestamp: options.timestamp ?? nowSeconds,
  });
  return new Request('https://rp.example/vneid/webhook', {
    method: 'POST',
    headers: { ...signed.headers, 'content-type': 'application/json' },
    body: options.sendBody ?? options.body ?? body,
  });
}

function verify(
  request: Request,
  replayCache: ReplayCache = memoryReplayCache({ now: clock }),
  extra = {},
) {
  return verifyWebhook(request, { secret: SECRET, replayCache, now: clock, ...extra });
}

describe('verifyWebhook', () => {
  it('accepts a good signature and returns the payload', async () => {
    await expect(verify(await delivery())).resolves.toEqual(JSON.parse(body));
  });

  it('signs `${timestamp}.${rawBody}` with HMAC-SHA256, as documented', async () => {
    const signed = await signWebhook('{"a":1}', { secret: SECRET, timestamp: 1700000000 });
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', SECRET).update('1700000000.{"a":1}').digest('hex');
    expect(signed.signature).toBe(`sha256=${expected}`);
    expect(signed.headers).toEqual({
      'x-vneid-timestamp': '1700000000',
      'x-vneid-signature': `sha256=${expected}`,
    });
  });

  it('refuses a wrong secret: webhook_signature_invalid', async () => {
    const request = await delivery({ secret: 'another-synthetic-secret-0123456789abcdef' });
    await expect(verify(request)).rejects.toMatchObject({
      code: 'webhook_signature_invalid',
      status: 401,
    });
  });

  it('refuses an altered body: webhook_signature_invalid', async () => {
    const request = await delivery({ sendBody: body.replace('approved', 'denied!!') });
    await expect(verify(request)).rejects.toMatchObject({ code: 'webhook_signature_invalid' });
  });

  it('refuses a body re-serialised by a framework (whitespace): webhook_signature_invalid', async () => {
    const request = await delivery({ sendBody: JSON.stringify(JSON.parse(body), null, 2) });
    await expect(verify(request)).rejects.toMatchObject({ code: 'webhook_signature_invalid' });
  });

  it('refuses a missing or malformed signature header: webhook_signature_invalid', async () => {
    for (const signature of [undefined, 'sha256=zz', 'sha1=' + 'a'.repeat(40), 'a'.repeat(64)]) {
      const good = await delivery();
      const headers = new Headers(good.headers);
      if (signature === undefined) headers.delete('x-vneid-signature');
      else headers.set('x-vneid-signature', signature);
      const request = new Request(good.url, { method: 'POST', headers, body });
      await expect(verify(request)).rejects.toMatchObject({ code: 'webhook_signature_invalid' });
    }
  });

  it('refuses a stale timestamp: webhook_timestamp_invalid', async () => {
    await expect(verify(await delivery({ timestamp: nowSeconds - 301 }))).rejects.toMatchObject({
      code: 'webhook_timestamp_invalid',
    });
    await expect(verify(await delivery({ timestamp: nowSeconds - 300 }))).resolves.toBeDefined();
  });

  it('refuses a future timestamp: webhook_timestamp_invalid', async () => {
    await expect(verify(await delivery({ timestamp: nowSeconds + 301 }))).rejects.toMatchObject({
      code: 'webhook_timestamp_invalid',
    });
  });

  it('refuses a missing or malformed timestamp header: webhook_timestamp_invalid', async () => {
    for (const timestamp of [undefined, 'yesterday', '-5', '1.5', '']) {
      const good = await delivery();
      const headers = new Headers(good.headers);
      if (timestamp === undefined) headers.delete('x-vneid-timestamp');
      else headers.set('x-vneid-timestamp', timestamp);
      const request = new Request(good.url, { method: 'POST', headers, body });
      await expect(verify(request)).rejects.toMatchObject({ code: 'webhook_timestamp_invalid' });
    }
  });

  it('refuses a timestamp moved after signing: webhook_signature_invalid', async () => {
    const good = await delivery({ timestamp: nowSeconds - 10_000 });
    const headers = new Headers(good.headers);
    headers.set('x-vneid-timestamp', String(nowSeconds));
    await expect(
      verify(new Request(good.url, { method: 'POST', headers, body })),
    ).rejects.toMatchObject({
      code: 'webhook_signature_invalid',
    });
  });

  it('refuses a replay: webhook_replayed', async () => {
    const replayCache = memoryReplayCache({ now: clock });
    const first = await delivery();
    const again = first.clone();
    await expect(verify(first, replayCache)).resolves.toBeDefined();
    await expect(verify(again, replayCache)).rejects.toMatchObject({
      code: 'webhook_replayed',
      status: 409,
    });
  });

  it('accepts a second, different delivery in the same second', async () => {
    const replayCache = memoryReplayCache({ now: clock });
    await expect(verify(await delivery(), replayCache)).resolves.toBeDefined();
    await expect(
      verify(await delivery({ body: '{"txnId":"txn-2"}' }), replayCache),
    ).resolves.toEqual({
      txnId: 'txn-2',
    });
  });

  it('accepts any of several secrets while rotating', async () => {
    const next = 'next-synthetic-webhook-secret-0123456789ab';
    const request = await delivery({ secret: next });
    await expect(
      verifyWebhook(request, {
        secret: [SECRET, next],
        replayCache: memoryReplayCache({ now: clock }),
        now: clock,
      }),
    ).resolves.toBeDefined();
  });

  it('uses configured header names', async () => {
    const headerNames = { timestamp: 'X-Partner-Time', signature: 'X-Partner-Sig' };
    const signed = await signWebhook(body, {
      secret: SECRET,
      timestamp: nowSeconds,
      headers: headerNames,
    });
    expect(Object.keys(signed.headers)).toEqual(['x-partner-time', 'x-partner-sig']);
    const request = new Request('https://rp.example/hook', {
      method: 'POST',
      headers: signed.headers,
      body,
    });
    await expect(verify(request, undefined, { headers: headerNames })).resolves.toBeDefined();
  });

  it('refuses a body over the limit: input_invalid 413', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2048) });
    const request = await delivery({ body: big });
    await expect(verify(request, undefined, { maxBodyBytes: 1024 })).rejects.toMatchObject({
      code: 'input_invalid',
      status: 413,
    });
  });

  it('refuses a signed body that is not a JSON object: provider_response_invalid', async () => {
    await expect(verify(await delivery({ body: '[1,2]' }))).rejects.toMatchObject({
      code: 'provider_response_invalid',
    });
  });

  it('refuses a short secret and a missing replay cache: config_invalid', async () => {
    await expect(signWebhook(body, { secret: 'short' })).rejects.toMatchObject({
      code: 'config_invalid',
    });
    await expect(
      verifyWebhook(await delivery(), { secret: SECRET } as Parameters<typeof verifyWebhook>[1]),
    ).rejects.toMatchObject({ code: 'config_invalid', path: 'replayCache' });
  });

  it('never puts the secret or the body in an error', async () => {
    const error = (await verify(
      await delivery({ secret: 'another-synthetic-secret-0123456789abcdef' }),
    ).catch((e: unknown) => e)) as Error;
    const seen = `${error.message} ${JSON.stringify(error)}`;
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain('txn-1');
  });
});

describe('memoryReplayCache', () => {
  it('records once, refuses the repeat, forgets after expiry', async () => {
    let now = 1_000;
    const cache = memoryReplayCache({ now: () => now });
    await expect(cache.add('k', 2_000)).resolves.toBe(true);
    await expect(cache.add('k', 2_000)).resolves.toBe(false);
    now = 2_001;
    await expect(cache.add('k', 3_000)).resolves.toBe(true);
  });

  it('stays within its capacity by refusing, never by forgetting a live entry', async () => {
    let now = 0;
    const cache = memoryReplayCache({ now: () => now, maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await expect(cache.add(key, 10)).resolves.toBe(true);
    await expect(cache.add('d', 10)).rejects.toMatchObject({ code: 'store_unavailable' });
    await expect(cache.add('a', 10)).resolves.toBe(false); // still a replay
    now = 11; // all expired: room again
    await expect(cache.add('d', 20)).resolves.toBe(true);
  });
});
