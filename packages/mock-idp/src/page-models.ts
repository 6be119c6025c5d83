/**
 * CONTRACT between the protocol half of the mock (endpoints/) and its pages (pages/).
 *
 * The endpoints build these models and call the renderers exported by
 * `src/pages/index.ts` (see {@link PageRenderers}); each renderer returns a complete HTML
 * document (string). Pages post their forms back to the endpoints named in each model:
 *
 * - Login (persona picker): `POST {actions.login}` with field `persona` (persona id);
 *   a "cancel" button posts `decision=deny` instead.
 * - Consent: `POST {actions.consent}` with `decision=approve|deny` and `attributes`
 *   repeated, one per GRANTED attribute (required ones are always granted).
 * - Device (phone page): `GET {actions.device}?user_code=...` shows the picker for that
 *   code; `POST {actions.device}` with `user_code`, `persona`, `decision=approve|deny`.
 *   With `user_code` only (no `decision`), the page moves from 'enter_code' to 'pick'.
 *
 * All form posts are `application/x-www-form-urlencoded`; no JavaScript is needed.
 */
import type { AccountType, AssuranceLevel, AttributeName } from '@dinhdanh/core';

/** Page language: Vietnamese first, English with `ui_locales=en`. */
export type PageLocale = 'vi' | 'en';

/** What a page shows about a persona. */
export interface PersonaSummary {
  readonly id: string;
  readonly label: string;
  /** Who this test persona is, in the page's language, when the persona says. */
  readonly description?: string;
  readonly level: AssuranceLevel;
  readonly accountType: AccountType;
  readonly locked: boolean;
}

/** What a page shows about the client asking for the login. */
export interface ClientSummary {
  readonly id: string;
  readonly name: string;
}

/** Model of the persona picker. */
export interface LoginPageModel {
  readonly interactionId: string;
  readonly client: ClientSummary;
  /** Every persona; group them by level. */
  readonly personas: readonly PersonaSummary[];
  readonly locale: PageLocale;
  /** Preselect this persona (from `login_hint`). */
  readonly loginHint?: string;
  /** Minimum level the client asked for (from `acr_values`), when any. */
  readonly requestedLevel?: AssuranceLevel;
  /** Shown above the form (e.g. the chosen persona is locked). */
  readonly error?: string;
  readonly actions: {
    /** Absolute URL the form posts to. */
    readonly login: string;
  };
}

/** Model of the consent screen. */
export interface ConsentPageModel {
  readonly interactionId: string;
  readonly client: ClientSummary;
  readonly persona: PersonaSummary;
  /** Why the client asks (Decree 13/2023 purpose), when given. */
  readonly purpose?: string;
  /** Requested attributes; optional ones are pre-ticked and can be unticked. */
  readonly requested: readonly { readonly attribute: AttributeName; readonly required: boolean }[];
  readonly locale: PageLocale;
  readonly actions: {
    readonly consent: string;
  };
}

/** Model of the phone page of the device flow (RFC 8628). */
export interface DevicePageModel {
  readonly userCode?: string;
  readonly client?: ClientSummary;
  readonly personas: readonly PersonaSummary[];
  readonly locale: PageLocale;
  readonly state: 'enter_code' | 'pick' | 'done_approved' | 'done_denied' | 'error';
  readonly message?: string;
  readonly actions: {
    readonly device: string;
  };
}

/** Model of the error page (bad client or redirect URI, expired interaction...). */
export interface ErrorPageModel {
  readonly title: string;
  readonly description: string;
  readonly locale: PageLocale;
  /** The OAuth error code, when there is one (shown small, for developers). */
  readonly error?: string;
  /** What the citizen can do next, in their language. */
  readonly next?: string;
  /** The technical sentence for developers (English), shown under "for developers". */
  readonly detail?: string;
}

/** Model of the page shown after logout when no valid post_logout_redirect_uri was given. */
export interface LoggedOutPageModel {
  readonly locale: PageLocale;
  readonly client?: ClientSummary;
}

/** One registered client, as the start page lists it (never its secret). */
export interface HomeClient {
  readonly id: string;
  readonly name: string;
  readonly dialect: string;
  readonly redirectUris: readonly string[];
}

/** Model of the start page (`GET /` from a browser): what this provider is and how to use it. */
export interface HomePageModel {
  readonly locale: PageLocale;
  readonly issuer: string;
  readonly discovery: string;
  readonly jwks: string;
  readonly clients: readonly HomeClient[];
  readonly personas: readonly PersonaSummary[];
  /** Whether the admin API answers under `/__mock/`. */
  readonly admin: boolean;
  /** The same page in the other language. */
  readonly otherLocale: { readonly locale: PageLocale; readonly href: string };
}

/** What `src/pages/index.ts` exports: each renderer returns a complete HTML document. */
export interface PageRenderers {
  renderLogin(model: LoginPageModel): string;
  renderConsent(model: ConsentPageModel): string;
  renderDevice(model: DevicePageModel): string;
  renderError(model: ErrorPageModel): string;
  renderLoggedOut(model: LoggedOutPageModel): string;
  renderHome(model: HomePageModel): string;
}
