import type { AttributeName } from '@dinhdanh/core';
import type { PageLocale } from './locale';

/** Where a page's form posts, and the hidden fields the endpoint needs back (interaction id, …). */
export interface FormTarget {
  readonly action: string;
  readonly hidden?: Readonly<Record<string, string>>;
}

/** The relying party, as the citizen sees it. */
export interface PageClient {
  readonly id: string;
  readonly name: string;
}

/** One persona as the picker shows it. */
export interface PersonaChoice {
  readonly id: string;
  readonly name: string;
  /** Assurance level of the account (1 or 2). */
  readonly level: number;
  /** One line under the name, e.g. "Người nước ngoài, hộ chiếu". */
  readonly description?: string;
  /** A locked account is still listed (testers pick it to see `access_denied`). */
  readonly locked?: boolean;
}

/** What every page model has. */
export interface BasePageModel {
  readonly locale: PageLocale;
  /** The same page in the other language (a GET URL), for the language switch link. */
  readonly switchUrl?: string;
}

/** The persona picker. */
export interface LoginPageModel extends BasePageModel {
  readonly client: PageClient;
  readonly personas: readonly PersonaChoice[];
  readonly form: FormTarget;
  /** The level the relying party asked for, shown as a hint. */
  readonly requestedLevel?: number;
  /** A message to show above the form (e.g. "pick a persona"). */
  readonly error?: string;
  /** The persona to preselect. */
  readonly selected?: string;
}

/** One attribute on the consent screen. */
export interface ConsentAttribute {
  readonly name: AttributeName;
  /** Required attributes are shown fixed; optional ones get a checkbox. */
  readonly required: boolean;
}

/** The consent screen. */
export interface ConsentPageModel extends BasePageModel {
  readonly client: PageClient;
  readonly persona: { readonly id: string; readonly name: string; readonly level: number };
  readonly purpose?: string;
  readonly attributes: readonly ConsentAttribute[];
  readonly form: FormTarget;
}

/** The states of the phone page of a cross-device (device authorization) login. */
export type DevicePageState = 'enter_code' | 'confirm' | 'approved' | 'denied' | 'expired';

/** The phone page of a cross-device login. */
export interface DevicePageModel extends BasePageModel {
  readonly state: DevicePageState;
  readonly form: FormTarget;
  readonly userCode?: string;
  readonly client?: PageClient;
  readonly personas?: readonly PersonaChoice[];
  readonly error?: string;
}

/** An error the mock cannot redirect back (unknown client, unregistered redirect URI, …). */
export interface ErrorPageModel extends BasePageModel {
  readonly error: string;
  readonly description?: string;
  /** Where a "back" link should go, when there is a safe place. */
  readonly backUrl?: string;
}

/** Shown after RP-initiated logout when there is no post-logout redirect. */
export interface LoggedOutPageModel extends BasePageModel {
  readonly client?: PageClient;
  readonly backUrl?: string;
}

/** The names of the form fields the pages post. */
export const PAGE_FIELDS = {
  /** Radio: the chosen persona id. */
  persona: 'persona',
  /** Submit button value: `approve` / `deny` (consent, device) or `continue` / `cancel` (login). */
  decision: 'decision',
  /** Checkbox, repeated: each attribute the citizen agrees to share (required ones as hidden fields). */
  attribute: 'attribute',
  /** Text: the user code of a device login. */
  userCode: 'user_code',
} as const;
