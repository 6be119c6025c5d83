/**
 * Signs a login's consent record as a consent receipt: a compact JWS with the relying
 * party's own key, for the app to store beside the account and show later.
 */
import { SignJWT } from 'jose/jwt/sign';
import { isSensitiveAttribute } from '../claims/attributes';
import type { Identity } from '../claims/identity';
import { importPrivateKey, signingAlgorithm } from '../config/keys';
import { privateJwkSchema, type PrivateJwk } from '../config/schema';
import { DinhDanhError } from '../errors';
import type { ConsentRecord } from '../rp/types';
import type { ConsentReceipt } from './schema';
import { subjectPseudonym } from './subject';

/** The JWS `typ` of a consent receipt. */
export const CONSENT_RECEIPT_TYPE = 'consent-receipt+jwt';

/** Who is responsible for the data (the PII controller of ISO/IEC 29100). */
export interface ConsentController {
  /** The controller's legal name. */
  readonly name: string;
  /** A person or office to contact about the data. */
  readonly contact?: string;
  /** Its e-mail address. */
  readonly email?: string;
  /** Its phone number. */
  readonly phone?: string;
  /** Its postal address. */
  readonly address?: string;
}

/** Options of {@link createConsentReceipt}. */
export interface ConsentReceiptOptions {
  /** The relying party's own private signing key (JWK with `kid`), not the provider's. */
  readonly key: PrivateJwk;
  /** Who is responsible for the data. */
  readonly controller: ConsentController;
  /** The service the data is for (default: the controller's name). */
  readonly service?: string;
  /** The privacy notice the citizen was shown. */
  readonly policyUrl?: string;
  /** How long the data is kept or when consent ends, in words (default: until withdrawn). */
  readonly termination?: string;
  /** Language of the notice (default `vi`). */
  readonly language?: string;
  /** Clock, epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/** What a receipt is made from: a `LoginResult` or its identity and consent record. */
export interface ConsentReceiptInput {
  /** The identity (its subject and issuer are pseudonymised). */
  readonly identity: Pick<Identity, 'subject' | 'issuer'>;
  /** The login's consent record. */
  readonly consent: ConsentRecord;
}

/**
 * Signs the consent record of a login as a consent receipt (Kantara Consent Receipt v1.1
 * fields, ISO/IEC TS 27560:2023 structure): who (a keyed pseudonym of the subject, never
 * the ID number), what (attributes requested, granted, required), why (purpose), when,
 * which provider and level. Store it with the account; check it with
 * {@link verifyConsentReceipt}.
 *
 * @param login - the `LoginResult` (or its identity and consent).
 * @param options - the relying party's signing key and controller details.
 * @returns the receipt, a compact JWS (`typ: consent-receipt+jwt`).
 * @throws DinhDanhError `config_invalid` for an unusable key, `input_invalid` for a record without a purpose.
 * @example
 * ```ts
 * onLogin: async (result) => {
 *   const receipt = await createConsentReceipt(result, { key: receiptKey, controller: { name: 'Ngân hàng A' } });
 *   await db.consents.insert({ userId, receipt });
 * }
 * ```
 */
export async function createConsentReceipt(
  login: ConsentReceiptInput,
  options: ConsentReceiptOptions,
): Promise<string> {
  const parsed = privateJwkSchema.safeParse(options.key);
  if (!parsed.success) {
    throw new DinhDanhError('config_invalid', 'Give the receipt key as a private JWK with a kid.', {
      path: 'key',
    });
  }
  const key = parsed.data;
  const { consent, identity } = login;
  const now = (options.now ?? Date.now)();
  const alg = signingAlgorithm(key);
  const pseudonym = await subjectPseudonym(key, identity.issuer, identity.subject);
  const id = globalThis.crypto.randomUUID();
  const sensitive = consent.granted.filter(isSensitiveAttribute);
  const payload: Omit<ConsentReceipt, 'iss' | 'sub' | 'jti' | 'iat'> = {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'VN (Law 91/2025/QH15 on Personal Data Protection; Decree 13/2023/ND-CP)',
    consentTimestamp: Math.floor(Date.parse(consent.at) / 1000),
    collectionMethod: `e-identity login (OpenID Connect) through ${consent.provider}, consent screen of the provider`,
    consentReceiptID: id,
    language: options.language ?? 'vi',
    piiPrincipalId: pseudonym,
    piiControllers: [
      {
        piiController: options.controller.name,
        ...pick(options.controller, ['contact', 'email', 'phone', 'address']),
      },
    ],
    ...(options.policyUrl === undefined ? {} : { policyUrl: options.policyUrl }),
    services: [
      {
        service: options.service ?? options.controller.name,
        purposes: [
          {
            purpose: consent.purpose ?? 'login (no purpose given)',
            consentType: 'EXPLICIT',
            piiCategory: [...consent.granted],
            primaryPurpose: true,
            termination: options.termination ?? 'until withdrawn',
            thirdPartyDisclosure: false,
          },
        ],
      },
    ],
    sensitive: sensitive.length > 0,
    spiCat: sensitive,
    consent: {
      requested: [...consent.requested],
      granted: [...consent.granted],
      required: [...consent.required],
      ...(consent.purpose === undefined ? {} : { purpose: consent.purpose }),
      provider: consent.provider,
      issuer: identity.issuer,
      level: consent.level,
      at: consent.at,
    },
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg, kid: key.kid, typ: CONSENT_RECEIPT_TYPE })
    .setIssuer(options.controller.name)
    .setSubject(pseudonym)
    .setJti(id)
    .setIssuedAt(Math.floor(now / 1000))
    .sign(await importPrivateKey(key, alg));
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
}
