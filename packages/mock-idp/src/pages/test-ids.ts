/**
 * Stable `data-testid` values on the mock's pages, for users' end-to-end tests
 * (Playwright, Cypress). They do not change with the language or the wording.
 * Per-item ids are built with a suffix: `persona-<id>`, `attribute-<name>`.
 */
export const PAGE_TEST_IDS = {
  /** Every page: the `<main>` element; its `data-page` attribute names the page. */
  page: 'mock-idp-page',
  /** Every page: the language switch link. */
  languageSwitch: 'language-switch',
  /** Login: the picker form. */
  loginForm: 'login-form',
  /** Login: a level group (`persona-group-1`, `persona-group-2`). */
  personaGroup: 'persona-group',
  /** Login and device: one persona's radio button (`persona-<id>`). */
  persona: 'persona',
  /** Login: the continue button. */
  loginSubmit: 'login-submit',
  /** Login: the cancel button (ends the login with `access_denied`). */
  loginCancel: 'login-cancel',
  /** Any page: the message box for a form error. */
  formError: 'form-error',
  /** Consent: the form. */
  consentForm: 'consent-form',
  /** Consent: the relying party's name. */
  consentClient: 'consent-client',
  /** Consent: the purpose text. */
  consentPurpose: 'consent-purpose',
  /** Consent: `attribute-<name>`: the row of a required attribute, the checkbox of an optional one. */
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
  /** Device: the persona and approve/deny form. */
  deviceConfirmForm: 'device-confirm-form',
  /** Device: the final state message (`data-state` = approved, denied or expired). */
  deviceResult: 'device-result',
  /** Error page: the error code. */
  errorCode: 'error-code',
  /** Error page: the description. */
  errorDescription: 'error-description',
  /** Error and logged-out pages: the link back to the relying party. */
  backLink: 'back-link',
  /** Logged-out page: the message. */
  loggedOut: 'logged-out',
} as const;
