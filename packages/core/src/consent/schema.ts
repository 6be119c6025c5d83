/**
 * The consent receipt's payload: the fields of the Kantara Consent Receipt v1.1 where they
 * fit, laid out after ISO/IEC TS 27560:2023 (who, what, why, when, by which means), plus
 * the login's own consent record under `consent`.
 */
import * as z from 'zod/mini';
import { ATTRIBUTE_NAMES, type AttributeName } from '../claims/attributes';
import { assuranceLevelSchema } from '../claims/identity';

const attribute = z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]]);
const text = z.string().check(z.minLength(1));

/** Schema of a verified consent receipt's payload. */
export const consentReceiptSchema = z.object({
  /** The relying party that signed it (the PII controller). */
  iss: text,
  /** Pseudonym of the citizen (never the ID number in clear). */
  sub: text,
  /** Receipt id. */
  jti: text,
  /** When it was signed, epoch seconds. */
  iat: z.number(),
  /** Kantara Consent Receipt version. */
  version: z.literal('KI-CR-v1.1.0'),
  /** Law that governs the consent. */
  jurisdiction: text,
  /** When the citizen consented, epoch seconds. */
  consentTimestamp: z.number(),
  /** How consent was collected. */
  collectionMethod: text,
  /** Receipt id (Kantara's name for `jti`). */
  consentReceiptID: text,
  /** Language of the notice. */
  language: text,
  /** The citizen, by pseudonym (Kantara's name for `sub`). */
  piiPrincipalId: text,
  /** Who is responsible for the data. */
  piiControllers: z.array(
    z.object({
      piiController: text,
      contact: z.optional(text),
      email: z.optional(text),
      phone: z.optional(text),
      address: z.optional(text),
    }),
  ),
  /** The controller's privacy notice. */
  policyUrl: z.optional(text),
  /** The service and what the data is for. */
  services: z.array(
    z.object({
      service: text,
      purposes: z.array(
        z.object({
          purpose: text,
          consentType: z.literal('EXPLICIT'),
          piiCategory: z.array(attribute),
          primaryPurpose: z.boolean(),
          termination: text,
          thirdPartyDisclosure: z.boolean(),
        }),
      ),
    }),
  ),
  /** Whether sensitive data was granted. */
  sensitive: z.boolean(),
  /** The sensitive attributes granted. */
  spiCat: z.array(attribute),
  /** The login's consent record. */
  consent: z.object({
    requested: z.array(attribute),
    granted: z.array(attribute),
    required: z.array(attribute),
    purpose: z.optional(text),
    provider: text,
    issuer: text,
    level: assuranceLevelSchema,
    at: z.iso.datetime(),
  }),
});

/** A verified consent receipt. */
export type ConsentReceipt = z.output<typeof consentReceiptSchema>;
