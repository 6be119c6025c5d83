/** Rendering the pages (pages/) with the right headers. */
import type { Context } from '../context';
import type { PageLocale } from '../page-models';
import { pageHeaders } from '../pages';
import { html } from '../util/http';

/** The error page, for problems that must not be redirected to the client. */
export function errorPage(
  ctx: Context,
  error: string,
  description: string,
  locale: PageLocale = ctx.options.locale,
  status = 400,
): Response {
  const title = locale === 'vi' ? 'Không thể tiếp tục đăng nhập' : 'The login cannot continue';
  return html(ctx.pages.renderError({ title, description, locale, error }), pageHeaders, status);
}
