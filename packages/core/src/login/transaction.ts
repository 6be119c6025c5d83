/** Validation of a login transaction handed back by the caller (it may have been tampered with or be stale). */
import * as z from 'zod/mini';
import { ATTRIBUTE_NAMES } from '../claims/attributes';
import type { AttributeName } from '../claims/attributes';
import { DinhDanhError } from '../errors';
import type { RpContext } from '../rp/context';
import type { LoginTransaction } from '../rp/types';

const attribute = z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]]);

const transactionSchema = z.object({
  v: z.literal(1),
  state: z.string().check(z.minLength(1), z.maxLength(512)),
  nonce: z.string().check(z.minLength(1), z.maxLength(512)),
  codeVerifier: z.string().check(z.minLength(43), z.maxLength(128)),
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  claims: z.array(attribute),
  required: z._default(z.array(attribute), []),
  purpose: z.optional(z.string()),
  returnTo: z.optional(z.string()),
  maxAge: z.optional(z.int().check(z.gte(0))),
  redirectUri: z.string().check(z.minLength(1)),
  issuer: z.string().check(z.minLength(1)),
  createdAt: z.number(),
});

/**
 * Checks a transaction's shape, issuer and age.
 * @throws DinhDanhError transaction_invalid, transaction_expired.
 */
export function readTransaction(ctx: RpContext, input: unknown): LoginTransaction {
  const parsed = transactionSchema.safeParse(input);
  if (!parsed.success) {
    throw new DinhDanhError(
      'transaction_invalid',
      'The login transaction is missing or malformed; start the login again.',
    );
  }
  const transaction = parsed.data as LoginTransaction;
  if (
    transaction.issuer !== ctx.options.issuer ||
    transaction.redirectUri !== ctx.options.redirectUri
  ) {
    throw new DinhDanhError(
      'transaction_invalid',
      'The login transaction belongs to another provider or redirect URI.',
    );
  }
  const age = ctx.now() - transaction.createdAt;
  if (age < -ctx.options.clockTolerance * 1000) {
    throw new DinhDanhError('transaction_invalid', 'The login transaction is dated in the future.');
  }
  if (age > ctx.options.transactionMaxAge * 1000) {
    throw new DinhDanhError('transaction_expired', 'The login took too long; start it again.');
  }
  return transaction;
}
