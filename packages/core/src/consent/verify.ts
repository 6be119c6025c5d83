/**
 * Checks a consent receipt later (one call), and the withdrawal hook: verify the receipt,
 * then hand it to the app's `onConsentWithdrawn` so its own storage can act.
 */
import type { CryptoKey, JWK } from 'jose';
import { importJWK } from 'jose/key/import';
import { jwtVerify } from 'jose/jwt/verify';
import { zodMessages } from '../config/messages';
import { publicJwk, signingAlgorithm } from '../config/keys';
import { privateJwkSchema, type PrivateJwk } from '../config/schema';
import { DinhDanhError } from '../errors';
import { CONSENT_RECEIPT_TYPE } from './receipt';
import { consentReceiptSchema, type ConsentReceipt } from './schema';
import { subjectPseudonym } from './subject';

/** Options of {@link verifyConsentReceipt}. */
export interface VerifyConsentReceiptOptions {
  /**
   * The key the receipt was signed with: the private JWK (also lets `subject` be checked)
   * or its public half.
   */
  readonly key: PrivateJwk | JWK;
  /** The identity the receipt must be about (needs the private key: the subject is pseudonymised). */
  readonly subject?: { readonly issuer: string; readonly subject: string };
}

function invalid(message: string, cause?: unknown): DinhDanhError {
  return new DinhDanhError('consent_receipt_invalid', message, {
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Verifies a consent receipt made by {@link createConsentReceipt}: signature with the
 * relying party's key, type, every field, and (with `subject`) that it is about this
 * citizen.
 *
 * @param receipt - the compact JWS the app stored.
 * @param options - the key (and optionally the identity to match).
 * @returns the receipt's payload.
 * @throws DinhDanhError `consent_receipt_invalid` (tampered, other key, malformed, other citizen), `config_invalid` (unusable key).
 * @example
 * ```ts
 * const receipt = await verifyConsentReceipt(stored, { key: receiptKey });
 * receipt.consent.granted; // ['name', 'birthdate']
 * ```
 */
export async function verifyConsentReceipt(
  receipt: string,
  options: VerifyConsentReceiptOptions,
): Promise<ConsentReceipt> {
  if (typeof receipt !== 'string' || receipt.length > 65_536)
    throw invalid('Not a consent receipt.');
  const jwk = options.key as PrivateJwk;
  const alg = signingAlgorithm(jwk);
  let key: CryptoKey | Uint8Array;
  try {
    key = await importJWK(publicJwk(jwk), alg);
  } catch (cause) {
    throw new DinhDanhError('config_invalid', 'The receipt key cannot be imported.', {
      cause,
      path: 'key',
    });
  }
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(receipt, key, {
      algorithms: [alg],
      typ: CONSENT_RECEIPT_TYPE,
    }));
  } catch (cause) {
    throw invalid(
      'The consent receipt does not verify with this key (altered or not ours).',
      cause,
    );
  }
  const parsed = consentReceiptSchema.safeParse(payload, zodMessages);
  if (!parsed.success) {
    throw invalid(
      `The consent receipt is malformed at ${parsed.error.issues[0]?.path.join('.') ?? ''}.`,
    );
  }
  const data = parsed.data;
  if (data.sub !== data.piiPrincipalId || data.jti !== data.consentReceiptID)
    throw invalid('The consent receipt contradicts itself.');
  if (options.subject !== undefined) {
    const secret = privateJwkSchema.safeParse(options.key);
    if (!secret.success) {
      throw new DinhDanhError(
        'input_invalid',
        'Matching a receipt to a subject needs the private key (the subject is pseudonymised).',
        { path: 'key' },
      );
    }
    const expected = await subjectPseudonym(
      secret.data,
      options.subject.issuer,
      options.subject.subject,
    );
    if (expected !== data.sub || options.subject.issuer !== data.consent.issuer)
      throw invalid('The consent receipt is about another citizen.');
  }
  return data;
}

/** What {@link withdrawConsent} hands to `onConsentWithdrawn`. */
export interface ConsentWithdrawal {
  /** The verified receipt whose consent ends. */
  readonly receipt: ConsentReceipt;
  /** When it was withdrawn (ISO 8601). */
  readonly withdrawnAt: string;
}

/** Options of {@link withdrawConsent}. */
export interface WithdrawConsentOptions extends VerifyConsentReceiptOptions {
  /**
   * The app's hook: stop processing, delete or anonymise the data the receipt covers, and
   * record the withdrawal (Law 91/2025: consent can be withdrawn at any time).
   */
  readonly onConsentWithdrawn: (withdrawal: ConsentWithdrawal) => void | Promise<void>;
  /** Clock, epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * Withdraws the consent a receipt records: verifies the receipt (so only a genuine one
 * reaches the app's storage), then awaits `onConsentWithdrawn`.
 *
 * @returns the withdrawal passed to the hook.
 * @throws DinhDanhError as {@link verifyConsentReceipt}; `config_invalid` when the hook is not a function.
 * @example
 * ```ts
 * await withdrawConsent(stored, {
 *   key: receiptKey,
 *   onConsentWithdrawn: async ({ receipt }) => db.consents.markWithdrawn(receipt.jti),
 * });
 * ```
 */
export async function withdrawConsent(
  receipt: string,
  options: WithdrawConsentOptions,
): Promise<ConsentWithdrawal> {
  if (typeof options.onConsentWithdrawn !== 'function') {
    throw new DinhDanhError('config_invalid', 'Give onConsentWithdrawn as a function.', {
      path: 'onConsentWithdrawn',
    });
  }
  const verified = await verifyConsentReceipt(receipt, options);
  const withdrawal = {
    receipt: verified,
    withdrawnAt: new Date((options.now ?? Date.now)()).toISOString(),
  };
  await options.onConsentWithdrawn(withdrawal);
  return withdrawal;
}
