/**
 * Per-client settings of share transactions (DOMAIN.md dialect 6): where results are
 * delivered and how long a transaction lives. Validated with the client.
 */
import { z } from 'zod';

/** The `share` block of a client. */
export const shareClientSchema = z.strictObject({
  /** Results are POSTed here, signed with `webhookSecret` (core's `signWebhook` scheme). */
  webhookUrl: z.url().optional(),
  /** HMAC-SHA256 secret of the webhook; at least 32 characters. */
  webhookSecret: z.string().min(32, 'webhookSecret must be at least 32 characters').optional(),
  /** Seconds a transaction waits for the citizen (default 300). */
  lifetime: z.number().int().positive().max(86_400).default(300),
});
/** The `share` block, as given. */
export type ShareClientInput = z.input<typeof shareClientSchema>;
/** The `share` block, with defaults applied. */
export type ShareClientOptions = z.output<typeof shareClientSchema>;

/** Cross-field rules of the `share` block, reported as zod issues. */
export function checkShareClient(
  client: { readonly share?: ShareClientOptions | undefined },
  ctx: z.RefinementCtx,
): void {
  const share = client.share;
  if (share?.webhookUrl !== undefined && share.webhookSecret === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['share', 'webhookSecret'],
      message: 'a webhookUrl needs a webhookSecret to sign the deliveries',
    });
  }
}
