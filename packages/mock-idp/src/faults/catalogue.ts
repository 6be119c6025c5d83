/**
 * Fault switches: each makes the next N matching requests misbehave in one precise way,
 * so a relying party can test that it refuses what it must refuse.
 */
import { z } from 'zod';

/** Every fault the mock can inject, grouped by where it applies. */
export const FAULT_NAMES = [
  // ID token (applied when the next ID token is issued)
  'id_token_expired',
  'id_token_iat_future',
  'id_token_bad_signature',
  'id_token_unknown_kid',
  'id_token_wrong_issuer',
  'id_token_wrong_audience',
  'id_token_missing_nonce',
  'id_token_wrong_nonce',
  'id_token_lower_acr',
  'id_token_alg_none',
  // token endpoint
  'token_server_error',
  'token_invalid_grant',
  'token_delay',
  // JWKS
  'jwks_server_error',
  'jwks_delay',
  // userinfo
  'userinfo_unauthorized',
  // authorization endpoint
  'authorize_access_denied',
  'authorize_login_required',
  'authorize_server_error',
  // vneid-partner dialect (partner/envelope.ts, partner/responses.ts): the next envelope
  // is sealed to another key, has truncated data, bad padding or a key that is not base64;
  // the next token response lacks access_token; the next userinfo lacks citizenPid
  'partner_envelope_wrong_key',
  'partner_envelope_truncated_data',
  'partner_envelope_bad_padding',
  'partner_envelope_key_not_base64',
  'partner_token_missing_access_token',
  'partner_userinfo_missing_citizen_pid',
  // the next token / userinfo answer is plain (or sealed) whatever the client's `envelope`:
  // a provider that answers one login plain and the next sealed
  'partner_token_plain',
  'partner_token_sealed',
  'partner_userinfo_plain',
  'partner_userinfo_sealed',
  // the next userinfo answer carries `accountLevel` as a string ("2") and `birthDate` in ISO
  // form (yyyy-MM-dd) instead of a number and dd/MM/yyyy, as some deployments send them
  'partner_userinfo_alternate_forms',
] as const;

/** The name of a fault switch. */
export type FaultName = (typeof FAULT_NAMES)[number];

/** One fault to arm: `times` requests (default 1) get it; delays last `delayMs`. */
export const faultSpecSchema = z.object({
  name: z.enum(FAULT_NAMES),
  times: z.number().int().positive().max(1_000).default(1),
  delayMs: z.number().int().nonnegative().max(60_000).default(2_000),
});
/** One fault to arm, as given. */
export type FaultSpec = z.input<typeof faultSpecSchema>;
/** An armed fault. */
export type ArmedFault = z.output<typeof faultSpecSchema>;
