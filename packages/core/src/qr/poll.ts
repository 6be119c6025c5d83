import * as z from 'zod/mini';
import { ATTRIBUTE_NAMES } from '../claims/attributes';
import type { AttributeName } from '../claims/attributes';
import { DinhDanhError } from '../errors';
import type { RpContext } from '../rp/context';
import type { QrLoginHandle, QrLoginStatus } from '../rp/types';
import { findTransport } from './transport';

const attribute = z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]]);
const handleSchema = z.object({
  v: z.literal(1),
  transport: z.string().check(z.minLength(1)),
  ref: z.string().check(z.minLength(1), z.maxLength(4096)),
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  claims: z.array(attribute),
  required: z._default(z.array(attribute), []),
  purpose: z.optional(z.string()),
  issuer: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  interval: z.int().check(z.gte(0), z.lte(600)),
});

/**
 * Polls a cross-device login once.
 * @throws DinhDanhError qr_invalid for a malformed or foreign handle.
 */
export async function pollQrLogin(ctx: RpContext, input: QrLoginHandle): Promise<QrLoginStatus> {
  const parsed = handleSchema.safeParse(input);
  if (!parsed.success || parsed.data.issuer !== ctx.options.issuer) {
    throw new DinhDanhError(
      'qr_invalid',
      'The QR login handle is malformed or belongs to another provider; start again.',
    );
  }
  const handle = parsed.data as QrLoginHandle;
  const transport = findTransport(ctx, handle.transport);
  if (transport === undefined)
    throw new DinhDanhError('qr_invalid', 'The QR login handle names an unknown transport.');
  if (ctx.now() >= handle.expiresAt) return { status: 'expired' };
  return transport.poll(ctx, handle);
}
