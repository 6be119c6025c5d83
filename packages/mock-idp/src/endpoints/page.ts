/** Rendering the pages (pages/) with the right headers. */
import { endpointUrl, PATHS, type Context } from '../context';
import type { PageLocale } from '../page-models';
import { pageHeaders } from '../pages';
import { citizenText, type PageProblemKind } from '../pages/problems';
import { html } from '../util/http';

/**
 * The error page, for problems that must not be redirected to the client: what happened
 * and what to do next in the citizen's language, the OAuth `error` and the technical
 * `detail` (English) for developers.
 */
export function errorPage(
  ctx: Context,
  kind: PageProblemKind,
  error: string,
  detail: string,
  locale: PageLocale = ctx.options.locale,
  status = 400,
): Response {
  const text = citizenText(kind, locale);
  return html(
    ctx.pages.renderError({
      title: text.title,
      description: text.description,
      next: text.next,
      locale,
      error,
      detail,
    }),
    pageHeaders,
    status,
  );
}

/**
 * The URL of an interaction (`/interaction/{id}` plus `suffix`). A language other than the
 * default travels in `ui_locales`, so the page that says the login has expired (when the
 * interaction is gone) still speaks it.
 */
export function interactionUrl(ctx: Context, id: string, locale: PageLocale, suffix = ''): string {
  const url = endpointUrl(ctx, `${PATHS.interaction}/${id}${suffix}`);
  return locale === ctx.options.locale ? url : `${url}?ui_locales=${locale}`;
}
