import type { AssuranceLevel } from '@dinhdanh/core';
import type { LoginOptions } from './types';

/** The current page as a same-origin path, or undefined outside a browser (SSR). */
export function currentPath(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

/** `{basePath}/login?…` for a login (or, with `stepUp`, a step-up to `options.level`). */
export function loginUrl(
  basePath: string,
  options: LoginOptions & { stepUp?: AssuranceLevel },
): string {
  const query = new URLSearchParams();
  if (options.request !== undefined) query.set('request', options.request);
  const level = options.stepUp ?? options.level;
  if (level !== undefined) query.set('level', String(level));
  if (options.stepUp !== undefined) query.set('stepUp', '1');
  const returnTo = options.returnTo ?? currentPath();
  if (returnTo !== undefined) query.set('returnTo', returnTo);
  if (options.prompt !== undefined) query.set('prompt', options.prompt);
  if (options.locale !== undefined) query.set('locale', options.locale);
  const search = query.toString();
  return `${basePath}/login${search === '' ? '' : `?${search}`}`;
}

/** Full-page navigation: logins leave the app for the provider. */
export function assignLocation(url: string): void {
  window.location.assign(url);
}

/**
 * Posts a form to `{basePath}/logout` with the session's CSRF token: core checks the
 * origin and the token, ends the session and answers 303 to the provider's logout.
 * A form post (not `fetch`) so the browser follows that redirect as a navigation.
 */
export function postLogout(basePath: string, csrfToken: string | undefined): void {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = `${basePath}/logout`;
  form.hidden = true;
  if (csrfToken !== undefined) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = 'csrf_token';
    field.value = csrfToken;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
}
