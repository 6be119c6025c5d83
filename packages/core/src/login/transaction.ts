/** Validation of a login transaction handed back by the caller (it may have been tampered with or be stale). */
import { DinhDanhError } from '../errors';
import type { RpContext } from '../rp/context';
import { loginTransactionSchema, type LoginTransaction } from '../rp/wire';

/**
 * Checks a transaction's shape, issuer and age.
 * @throws DinhDanhError transaction_invalid, transaction_expired.
 */
export function readTransaction(ctx: RpContext, input: unknown): LoginTransaction {
  const parsed = loginTransactionSchema.safeParse(input);
  if (!parsed.success) {
    throw new DinhDanhError(
      'transaction_invalid',
      'The login transaction is missing or malformed; start the login again.',
    );
  }
  const transaction = parsed.data;
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
