import { DinhDanhError } from '../errors';
import type { RpContext } from '../rp/context';
import type { QrLoginStatus } from '../rp/types';
import { qrLoginHandleSchema, type QrLoginHandle } from '../rp/wire';
import { findTransport } from './transport';

/**
 * Polls a cross-device login once.
 * @throws DinhDanhError qr_invalid for a malformed or foreign handle.
 */
export async function pollQrLogin(ctx: RpContext, input: QrLoginHandle): Promise<QrLoginStatus> {
  const parsed = qrLoginHandleSchema.safeParse(input);
  if (!parsed.success || parsed.data.issuer !== ctx.options.issuer) {
    throw new DinhDanhError(
      'qr_invalid',
      'The QR login handle is malformed or belongs to another provider; start again.',
    );
  }
  const handle = parsed.data;
  const transport = findTransport(ctx, handle.transport);
  if (transport === undefined)
    throw new DinhDanhError('qr_invalid', 'The QR login handle names an unknown transport.');
  if (ctx.now() >= handle.expiresAt) return { status: 'expired' };
  return transport.poll(ctx, handle);
}
