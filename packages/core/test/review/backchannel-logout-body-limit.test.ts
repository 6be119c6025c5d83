import { describe, expect, it } from 'vitest';
import { fakeRp, handlersFor, ORIGIN } from '../handlers/support';

/** A body stream of `total` bytes that counts how much the server pulled. */
function countingBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
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

describe('POST /backchannel-logout body limit', () => {
  it('stops reading a body past 64 KiB instead of buffering all of it', async () => {
    const auth = handlersFor(fakeRp());
    const { stream, counter } = countingBody(32 * 1024 * 1024); // 32 MiB, no content-length
    const response = await auth.backchannelLogout(
      new Request(`${ORIGIN}/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024);
  });
});
