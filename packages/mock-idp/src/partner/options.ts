/**
 * Per-client switches of the `vneid-partner` dialect (DOMAIN.md dialect 5). Everything in
 * that dialect is observed, not specified, so every choice is a switch. Validated with the
 * client (`clientSchema` in ../options).
 */
import { importPartnerPublicKey } from '@dinhdanh/core/vneid-partner';
import { z } from 'zod';

/** Which responses travel inside the `{"data","key"}` envelope. */
export const partnerEnvelopeSchema = z.enum(['both', 'token', 'userinfo', 'none']);

/** The `partner` block of a client with `dialect: 'vneid-partner'`. */
export const partnerClientSchema = z.object({
  /**
   * The relying party's RSA public key (PEM SPKI/PKCS#1, a certificate, bare base64 DER, or
   * a JWK with `n` and `e`): envelopes and encrypted codes are encrypted to it.
   */
  publicKey: z
    .union([
      z.string().min(1),
      z.looseObject({ kty: z.literal('RSA'), n: z.string(), e: z.string() }),
    ])
    .optional(),
  /** Envelope on the token response, userinfo, both (default) or neither. */
  envelope: partnerEnvelopeSchema.default('both'),
  /** AES mode of envelopes (and of codes, unless `codeAesMode`): `ecb` (observed, default) or `cbc` (IV first). */
  aesMode: z.enum(['ecb', 'cbc']).default('ecb'),
  /** AES mode of encrypted codes when it differs from the envelopes' (`aesMode` when absent). */
  codeAesMode: z.enum(['ecb', 'cbc']).optional(),
  /** Send the authorization code encrypted, with `encrypt_key` beside it. */
  encryptCode: z.boolean().default(false),
  /** Make every code on the callback contain a `+` (it always may: codes are standard base64). */
  codeWithPlus: z.boolean().default(false),
});
/** The `partner` block, as given. */
export type PartnerClientInput = z.input<typeof partnerClientSchema>;
/** The `partner` block, with defaults applied. */
export type PartnerClientOptions = z.output<typeof partnerClientSchema>;

/** The partner switches of a client, defaults applied when the block is absent. */
export function partnerOptionsOf(client: {
  partner?: PartnerClientOptions | undefined;
}): PartnerClientOptions {
  return client.partner ?? partnerClientSchema.parse({});
}

/** What {@link checkPartnerClient} reads of a client. */
interface CheckedClient {
  readonly dialect: string;
  readonly clientSecret?: string | undefined;
  readonly authMethods: readonly string[];
  readonly partner?: PartnerClientOptions | undefined;
}

/** Cross-field rules of a `vneid-partner` client, reported as zod issues. */
export function checkPartnerClient(client: CheckedClient, ctx: z.RefinementCtx): void {
  if (client.dialect !== 'vneid-partner') return;
  const partner = partnerOptionsOf(client);
  if (client.clientSecret === undefined || !client.authMethods.includes('client_secret_post')) {
    ctx.addIssue({
      code: 'custom',
      path: ['authMethods'],
      message: 'a vneid-partner client authenticates with client_secret_post: give a clientSecret',
    });
  }
  const needsKey = partner.envelope !== 'none' || partner.encryptCode;
  if (needsKey && partner.publicKey === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['partner', 'publicKey'],
      message: 'envelopes and encrypted codes need the client RSA public key (partner.publicKey)',
    });
    return;
  }
  if (partner.publicKey !== undefined) {
    try {
      importPartnerPublicKey(partner.publicKey);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['partner', 'publicKey'],
        message: error instanceof Error ? error.message : 'not an RSA public key',
      });
    }
  }
}
