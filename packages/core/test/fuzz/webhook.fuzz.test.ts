/**
 * Fuzz: the webhook verifier (share transactions, DOMAIN.md dialect 6). Any change to a
 * signed delivery — body, timestamp, signature, header names — is refused with a webhook
 * code; arbitrary requests never verify.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryReplayCache, signWebhook, verifyWebhook } from '@dinhdanh/core';
import { hostileText, mutate, mutation, outcome, runs } from './support';

const SECRET = 'fuzz-webhook-secret-fuzz-webhook-secret-0123';
const NOW = Date.UTC(2026, 0, 1, 8);
const BODY = JSON.stringify({ txnId: 'txn-1', status: 'approved', citizenPid: '001090481516' });
const CODES = [
  'webhook_signature_invalid',
  'webhook_timestamp_invalid',
  'webhook_replayed',
  'provider_response_invalid',
  'input_invalid',
] as const;

function verify(request: Request) {
  return verifyWebhook(request, {
    secret: SECRET,
    replayCache: memoryReplayCache({ now: () => NOW }),
    now: () => NOW,
    maxBodyBytes: 64 * 1024,
  });
}

function post(headers: Record<string, string>, body: string | Uint8Array<ArrayBuffer>): Request {
  return new Request('https://bank.example/vneid/webhook', {
    method: 'POST',
    headers,
    body,
  });
}

describe('fuzz: webhook verifier', () => {
  it('a signed delivery with one part mutated verifies to the same payload or is refused', async () => {
    const signed = await signWebhook(BODY, { secret: SECRET, timestamp: NOW / 1000 });
    const [[tsName, ts], [sigName, sig]] = Object.entries(signed.headers) as [
      [string, string],
      [string, string],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('body', 'timestamp', 'signature', 'names'),
        mutation,
        async (part, change) => {
          const headers: Record<string, string> = { [tsName]: ts, [sigName]: sig };
          let body = BODY;
          if (part === 'body') body = mutate(BODY, change);
          if (part === 'timestamp') headers[tsName] = mutate(ts, change);
          if (part === 'signature') headers[sigName] = mutate(sig, change);
          let request: Request;
          try {
            if (part === 'names') {
              request = post({ [mutate(tsName, change)]: ts, [sigName]: sig }, body);
            } else request = post(headers, body);
          } catch {
            return; // not a request any HTTP stack would deliver (bad header characters)
          }
          const result = await outcome('verifyWebhook (mutated)', CODES, () => verify(request));
          if (result.ok) expect(result.value).toEqual(JSON.parse(BODY));
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('arbitrary headers and bodies never verify', async () => {
    const header = fc.oneof(
      hostileText,
      fc.stringMatching(/^[0-9a-fA-F]{64}$/).map((hex) => `sha256=${hex}`),
      fc.integer({ min: -1, max: 2 ** 40 }).map(String),
    );
    await fc.assert(
      fc.asyncProperty(
        header,
        header,
        fc.oneof(
          hostileText,
          fc.json(),
          fc.uint8Array({ maxLength: 512 }).map((bytes) => new Uint8Array(bytes)),
        ),
        async (timestamp, signature, body) => {
          let request: Request;
          try {
            request = post(
              { 'x-vneid-timestamp': timestamp, 'x-vneid-signature': signature },
              body,
            );
          } catch {
            return;
          }
          const result = await outcome('verifyWebhook (arbitrary)', CODES, () => verify(request));
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
