/**
 * @packageDocumentation
 * `@dinhdanh/mock-idp` — a real OpenID Provider for development and CI: Vietnamese
 * personas, assurance levels, claim dialects (standard, VNeID SSO, DVCQG, PostID),
 * consent, cross-device login and fault injection.
 */

// ── protocol: the provider ──
export { createMockIdp } from './idp';
export type { KeyRotation, MockIdp } from './idp';
export {
  clientAuthMethodSchema,
  clientSchema,
  DEV_CLIENT,
  dialectSchema,
  lifetimesSchema,
  mockIdpOptionsSchema,
  signingAlgSchema,
} from './options';
export type {
  ClientAuthMethod,
  Dialect,
  Lifetimes,
  MockClient,
  MockClientInput,
  MockIdpOptions,
  ResolvedMockIdpOptions,
  SigningAlg,
} from './options';
export { BUILTIN_PERSONAS, builtinPersonas } from './personas/builtin';
export { personaInputSchema } from './personas/schema';
export type { Persona, PersonaInput } from './personas/schema';
export { FAULT_NAMES, faultSpecSchema } from './faults/catalogue';
export type { ArmedFault, FaultName, FaultSpec } from './faults/catalogue';
export type { DeviceAnswer } from './authorization/device';
export type { LogoutDelivery } from './store/types';
export type {
  ClientSummary,
  ConsentPageModel,
  DevicePageModel,
  ErrorPageModel,
  HomeClient,
  HomePageModel,
  LoggedOutPageModel,
  LoginPageModel,
  PageLocale,
  PageRenderers,
  PersonaSummary,
} from './page-models';

// ── server (node:http; Bun and Deno have it too) ──
export { startMockIdp } from './node';
export type { RunningMockIdp, StartMockIdpOptions } from './node';

// ── pages: stable test ids and form fields for users' end-to-end tests ──
export { PAGE_FIELDS, PAGE_TEST_IDS, pageHeaders, pageHeadersFor } from './pages';

// ── vneid-partner dialect and share transactions ──
export { partnerClientSchema, partnerEnvelopeSchema } from './partner/options';
export type { PartnerClientInput, PartnerClientOptions } from './partner/options';
export { shareClientSchema } from './share/options';
export type { ShareClientInput, ShareClientOptions } from './share/options';
export { SHARE_TEST_IDS } from './share/page-renderer';
export type { ShareDelivery, ShareStatus } from './share/store';
