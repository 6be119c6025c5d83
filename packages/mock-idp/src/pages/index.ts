/**
 * Server-rendered pages of the mock identity provider: persona picker, consent, the
 * phone page of a cross-device login, errors, logout and the start page. Plain HTML forms that work
 * without JavaScript, Vietnamese first, English with `ui_locales=en`. The models and
 * the form contract are in `../page-models`.
 */
export { renderLogin } from './login';
export { renderConsent } from './consent';
export { renderDevice } from './device';
export { renderError } from './error';
export { renderLoggedOut } from './logged-out';
export { renderHome } from './home';
export { pageHeaders, pageHeadersFor } from './headers';
export { pickLocale } from './locale';
export { PAGE_TEST_IDS } from './test-ids';
export { PAGE_FIELDS } from './fields';
