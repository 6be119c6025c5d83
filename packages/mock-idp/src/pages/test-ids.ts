/**
 * Stable `data-testid` values on the mock's pages, for users' end-to-end tests
 * (Playwright, Cypress). They do not change with the language or the wording.
 * Per-item ids take a suffix: `persona-<id>`, `persona-group-<level>`, `attribute-<name>`.
 */
export const PAGE_TEST_IDS = {
  /** Every page: the `<main>` element; its `data-page` names the page (login, consent, device, error, logged-out, home). */
  page: 'mock-idp-page',
  /** Login, consent, device, logged out: the relying party's name. */
  client: 'client-name',
  /** Any page: the message box of a form error (`role="alert"`). */
  formError: 'form-error',
  /** Login: the picker form. */
  loginForm: 'login-form',
  /** Login, device and share: the group of every persona (a form error is tied to it). */
  personaPicker: 'persona-picker',
  /** Login and device: one fieldset per level (`persona-group-1`, `persona-group-2`). */
  personaGroup: 'persona-group',
  /** Login and device: one persona's radio button (`persona-<id>`). */
  persona: 'persona',
  /** Login: continue with the chosen persona. */
  loginSubmit: 'login-submit',
  /** Login: cancel (ends the login with `access_denied`). */
  loginCancel: 'login-cancel',
  /** Consent: the form. */
  consentForm: 'consent-form',
  /** Consent: the persona's name. */
  consentPersona: 'consent-persona',
  /** Consent: the purpose text. */
  consentPurpose: 'consent-purpose',
  /** Consent: the list of required attributes (they cannot be unticked). */
  consentRequired: 'consent-required',
  /** Consent: the list of optional attributes. */
  consentOptional: 'consent-optional',
  /** Consent: `attribute-<name>`, the row of a required attribute or the checkbox of an optional one. */
  attribute: 'attribute',
  /** Consent and device: approve. */
  approve: 'approve',
  /** Consent and device: deny. */
  deny: 'deny',
  /** Device: the user-code form. */
  deviceCodeForm: 'device-code-form',
  /** Device: the user-code input. */
  userCode: 'user-code',
  /** Device: submit the user code. */
  deviceCodeSubmit: 'device-code-submit',
  /** Device: the code being confirmed. */
  deviceUserCode: 'device-user-code',
  /** Device: the persona and approve/deny form. */
  deviceConfirmForm: 'device-confirm-form',
  /** Device: the outcome (`data-state` = approved or denied). */
  deviceResult: 'device-result',
  /** Error page: the OAuth error code. */
  errorCode: 'error-code',
  /** Error page: what happened, in the citizen's language. */
  errorDescription: 'error-description',
  /** Error page: what the citizen can do next. */
  errorNext: 'error-next',
  /** Error page: the technical detail for developers (English), under "for developers". */
  errorDetail: 'error-detail',
  /** Logged-out page: the message. */
  loggedOut: 'logged-out',
  /** Start page: one registered app (`home-client-<client id>`). */
  homeClient: 'home-client',
  /** Start page: one test citizen (`home-persona-<persona id>`). */
  homePersona: 'home-persona',
  /** Start page: the issuer URL. */
  homeIssuer: 'home-issuer',
} as const;
