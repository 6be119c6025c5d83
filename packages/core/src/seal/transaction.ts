import { loginTransactionSchema, type LoginTransaction } from '../rp/wire';
import { sealValue, unsealAs, type UnsealOptions } from './seal';
import type { SealSecrets } from './secrets';

/** Options for {@link sealTransaction}. */
export interface SealTransactionOptions {
  /** One secret or several (≥ 32 bytes each): the first seals. */
  secrets: SealSecrets;
  /** Lifetime in seconds. Default 600 (ten minutes to log in). */
  ttl?: number;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
}

/**
 * Seals a login transaction (it holds the PKCE verifier) into an opaque string for a
 * short-lived cookie: JWE compact, `dir` + `A256GCM`, key derived from the first secret.
 *
 * @param transaction - From `rp.startLogin()`.
 * @returns The sealed transaction.
 * @throws `config_invalid` for missing or short secrets or a bad ttl.
 * @example
 * ```ts
 * const { url, transaction } = await rp.startLogin({ level: 2 });
 * const sealed = await sealTransaction(transaction, { secrets: [secret] });
 * ```
 */
export async function sealTransaction(
  transaction: LoginTransaction,
  options: SealTransactionOptions,
): Promise<string> {
  return sealValue('transaction', transaction, {
    secrets: options.secrets,
    ttl: options.ttl ?? 600,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

/**
 * Opens a transaction sealed by {@link sealTransaction} with any of the secrets.
 *
 * @returns The login transaction.
 * @throws `seal_invalid` for anything we did not seal as a transaction; `seal_expired`
 * past its lifetime; `config_invalid` for bad secrets.
 * @example
 * ```ts
 * const transaction = await unsealTransaction(cookieValue, { secrets: [secret, oldSecret] });
 * const result = await rp.finishLogin(request.url, transaction);
 * ```
 */
export async function unsealTransaction(
  sealed: string,
  options: UnsealOptions,
): Promise<LoginTransaction> {
  return unsealAs(
    'transaction',
    loginTransactionSchema,
    sealed,
    options,
    'The sealed login transaction has an unknown shape. Start the login again.',
  );
}
