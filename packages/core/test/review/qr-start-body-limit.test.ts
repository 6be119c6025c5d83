import { describe, expect, it } from 'vitest';
import { fakeRp, handlersFor, ORIGIN } from '../handlers/support';

function countingBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

describe('POST /qr/start body limit', () => {
  it('stops reading a cross-site JSON body past 16 KiB (before any CSRF check passes)', async () => {
    const auth = handlersFor(fakeRp());
    const { stream, counter } = countingBody(32 * 1024 * 1024);
    const response = await auth.qrStart(
      new Request(`${ORIGIN}/auth/qr/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024);
  });
});
