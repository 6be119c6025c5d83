/**
 * The wire shapes of share transactions (DOMAIN.md dialect 6), as the mock provider and the
 * observed gateway send them: the answer to `POST /share`, and the result — the same JSON
 * whether polled (`/share/{txnId}/status`) or delivered by the signed webhook. Plain JSON,
 * never enveloped. Tolerant in what is read: unknown members are dropped.
 */
import * as z from 'zod/mini';

const isoTime = z.iso.datetime({ offset: true });

/** The answer to `POST /share`. */
export const shareStartSchema = z.object({
  txnId: z.string().check(z.minLength(1), z.maxLength(512)),
  link: z.string().check(z.minLength(1), z.maxLength(2048)),
  qr: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
  expiresIn: z.optional(z.int().check(z.positive(), z.lte(86_400))),
  expiresAt: z.optional(isoTime),
});

/** Where a share transaction stands, as the provider reports it. */
export const shareStatusSchema = z.enum(['pending', 'approved', 'denied', 'expired']);

/** The result of a share transaction, polled or delivered by webhook. */
export const shareOutcomeSchema = z.object({
  txnId: z.string().check(z.minLength(1), z.maxLength(512)),
  status: shareStatusSchema,
  purpose: z.optional(z.string().check(z.maxLength(2000))),
  attributes: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(200))),
  answeredAt: z.optional(isoTime),
  expiresAt: z.optional(isoTime),
  /** The shared claims, in the client's dialect (vneid-partner: camelCase userinfo names). */
  data: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * The result of a share transaction as the provider sent it (polled or by webhook), after
 * validation: what a {@link ShareResultStore} keeps between the webhook and the next poll.
 */
export interface ShareOutcome {
  /** The transaction (secret: never log it). */
  readonly txnId: string;
  /** Where it stands. */
  readonly status: 'pending' | 'approved' | 'denied' | 'expired';
  /** The purpose the citizen saw. */
  readonly purpose?: string | undefined;
  /** The attributes asked for. */
  readonly attributes?: readonly string[] | undefined;
  /** When the citizen answered (ISO 8601). */
  readonly answeredAt?: string | undefined;
  /** When the transaction expires (ISO 8601). */
  readonly expiresAt?: string | undefined;
  /** On approval, the shared claims in the client's dialect (personal data: never log it). */
  readonly data?: Readonly<Record<string, unknown>> | undefined;
}

// The schema's output must stay assignable to the public type.
const _outcomeMatches: (value: z.infer<typeof shareOutcomeSchema>) => ShareOutcome = (value) =>
  value;
void _outcomeMatches;

/**
 * Where webhook results wait for the next `pollQrLogin` of their transaction. The default is
 * {@link memoryShareResultStore} (one process); several processes need a shared store.
 */
export interface ShareResultStore {
  /** Records the result of `txnId` until `expiresAt` (epoch milliseconds). */
  put(txnId: string, outcome: ShareOutcome, expiresAt: number): Promise<void>;
  /** Returns and forgets the result of `txnId`, or `undefined` when none is waiting. */
  take(txnId: string): Promise<ShareOutcome | undefined>;
}
