/**
 * The objects a caller holds between two engine calls (a login transaction, a QR login
 * handle), each declared once as a schema. Their public types are inferred from these
 * schemas, and the same schemas check them wherever they come back: the engine, the
 * sealers and the web handlers. A field added here is therefore kept everywhere.
 */
import * as z from 'zod/mini';
import { ATTRIBUTE_NAMES, type AttributeName } from '../claims/attributes';
import { assuranceLevelSchema } from '../claims/identity';

const attributes = z.readonly(
  z.array(z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]])),
);

/** Schema of {@link LoginTransaction}. */
export const loginTransactionSchema = z.readonly(
  z.object({
    /** Format version of this object. */
    v: z.literal(1),
    /** `state` sent to the provider. */
    state: z.string().check(z.minLength(1), z.maxLength(512)),
    /** `nonce` sent to the provider. */
    nonce: z.string().check(z.minLength(1), z.maxLength(512)),
    /** PKCE code verifier (S256). */
    codeVerifier: z.string().check(z.minLength(43), z.maxLength(128)),
    /** Minimum level asked for. */
    level: assuranceLevelSchema,
    /** Attributes asked for. */
    claims: attributes,
    /** Attributes that must be released. */
    required: z.optional(attributes),
    /** Purpose given for the attributes. */
    purpose: z.optional(z.string()),
    /** Where to go after the callback. */
    returnTo: z.optional(z.string()),
    /** `max_age` sent, in seconds. */
    maxAge: z.optional(z.int().check(z.gte(0))),
    /** Redirect URI used (must be used again at the token endpoint). */
    redirectUri: z.string().check(z.minLength(1)),
    /** Issuer the login was started with. */
    issuer: z.string().check(z.minLength(1)),
    /** When the login started, epoch milliseconds. */
    createdAt: z.number(),
  }),
);

/**
 * Everything `finishLogin` needs to complete a login started by `startLogin`. Plain JSON;
 * keep it confidential (it holds the PKCE verifier) and bound to the user's browser.
 */
export type LoginTransaction = z.output<typeof loginTransactionSchema>;

/** Schema of {@link QrLoginHandle}. */
export const qrLoginHandleSchema = z.readonly(
  z.object({
    /** Format version. */
    v: z.literal(1),
    /** Which transport runs it (`device_code`, or `vneid_share` for VNeID share transactions). */
    transport: z.string().check(z.minLength(1)),
    /** Transport-specific secret reference (the device code for RFC 8628, the share `txnId`). */
    ref: z.string().check(z.minLength(1), z.maxLength(4096)),
    /** Minimum level. */
    level: assuranceLevelSchema,
    /** Attributes asked for. */
    claims: attributes,
    /** Attributes that must be released. */
    required: z.optional(attributes),
    /** Purpose given. */
    purpose: z.optional(z.string()),
    /** Issuer. */
    issuer: z.string().check(z.minLength(1)),
    /** When it started, epoch milliseconds. */
    createdAt: z.number(),
    /** When it expires, epoch milliseconds. */
    expiresAt: z.number(),
    /** Seconds to wait between polls. */
    interval: z.int().check(z.gte(0), z.lte(600)),
  }),
);

/**
 * State of one cross-device login, held by the caller between polls. Plain JSON;
 * confidential (it holds the device code). `transport` names the cross-device transport.
 */
export type QrLoginHandle = z.output<typeof qrLoginHandleSchema>;
