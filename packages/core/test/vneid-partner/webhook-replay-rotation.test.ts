import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryReplayCache, verifyWebhook } from '@dinhdanh/core';

const OLD = 'synthetic-webhook-secret-old-0123456789abcdef';
const NEW = 'synthetic-webhook-secret-new-0123456789abcdef';
const NOW = 1_790_000_000_000;
const ts = String(NOW / 1000);
const body = JSON.stringify({ txnId: 'txn-1', status: 'approved' });
const sig = (secret: string) =>
  `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

function req(signature: string) {
  return new Request('https://rp.example/vneid/webhook', {
    method: 'POST',
    headers: {
      'x-vneid-timestamp': ts,
      'x-vneid-signature': signature,
      'content-type': 'application/json',
    },
    body,
  });
}

describe('verifyWebhook replay during secret rotation', () => {
  it('refuses the same delivery replayed with only its second signature', async () => {
    const replayCache = memoryReplayCache({ now: () => NOW });
    const options = { secret: [OLD, NEW], replayCache, now: () => NOW };
    // The sender, rotating, signs with both secrets (the documented comma-separated form).
    await expect(verifyWebhook(req(`${sig(OLD)},${sig(NEW)}`), options)).resolves.toBeDefined();
    // An attacker who saw it resends the identical body and timestamp, dropping the first entry.
    await expect(verifyWebhook(req(sig(NEW)), options)).rejects.toMatchObject({
      code: 'webhook_replayed',
    });
  });
});
