/**
 * `GET /` (the issuer URL): a start page for a person in a browser, the JSON index
 * (issuer and discovery URL) for everything else.
 */
import { endpointUrl, PATHS, type Context } from '../context';
import { pageHeaders, pickLocale } from '../pages';
import { summarise } from '../personas/registry';
import { html, json } from '../util/http';

/** Whether the request prefers an HTML page (a browser navigation) over JSON. */
function wantsPage(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return /\btext\/html\b/i.test(accept);
}

export function home(ctx: Context, request: Request): Response {
  const discovery = endpointUrl(ctx, PATHS.discovery);
  if (!wantsPage(request)) return json({ issuer: ctx.issuer, discovery });
  const locale = pickLocale(
    new URL(request.url).searchParams.get('ui_locales'),
    ctx.options.locale,
  );
  const other = locale === 'vi' ? 'en' : 'vi';
  const page = ctx.pages.renderHome({
    locale,
    issuer: ctx.issuer,
    discovery,
    jwks: endpointUrl(ctx, PATHS.jwks),
    clients: [...ctx.clients.values()].map((c) => ({
      id: c.clientId,
      name: c.name ?? c.clientId,
      dialect: c.dialect,
      redirectUris: c.redirectUris,
    })),
    personas: ctx.personas.map((p) => summarise(p, locale)),
    admin: ctx.options.admin,
    otherLocale: { locale: other, href: `${ctx.issuer}/?ui_locales=${other}` },
  });
  return html(page, pageHeaders);
}
