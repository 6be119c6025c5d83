/**
 * The default error answer of the web handlers: a small, styled, accessible page for a
 * browser that navigated here (Vietnamese, or English when asked), JSON
 * `{ error: { code, message } }` for API callers (`Accept: application/json`, `fetch`, XHR).
 */
import type { DinhDanhError } from '../errors';
import { pageWords, type PageLocale } from './error-words';

/** Where the page's links lead. */
export interface ErrorPageLinks {
  /** "Try again": the login route. */
  readonly retry: string;
  /** "Home": the app's default return path. */
  readonly home: string;
}

/** Whether the request is a browser navigation that wants a page, not an API call. */
export function wantsPage(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  if (accept.includes('application/json')) return false;
  const mode = request.headers.get('sec-fetch-mode');
  if (mode !== null && mode !== 'navigate') return false;
  if (request.headers.has('x-requested-with')) return false;
  return accept.includes('text/html');
}

function firstLanguage(value: string | null): string | undefined {
  if (value === null) return undefined;
  let best: { tag: string; q: number } | undefined;
  for (const part of value.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const q = Number(
      params
        .find((p) => p.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? '1',
    );
    if (tag !== '' && Number.isFinite(q) && q > 0 && (best === undefined || q > best.q)) {
      best = { tag: tag.toLowerCase(), q };
    }
  }
  return best?.tag;
}

/** The page's language: `locale` or `ui_locales` in the query, else `Accept-Language`. */
export function pageLocale(request: Request, url: URL): PageLocale {
  const asked =
    url.searchParams.get('locale') ??
    url.searchParams.get('ui_locales')?.trim().split(/\s+/)[0] ??
    firstLanguage(request.headers.get('accept-language'));
  return asked?.toLowerCase().startsWith('en') === true ? 'en' : 'vi';
}

const STYLE =
  'body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1b1f24}' +
  'main{max-width:32rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.12)}' +
  'h1{font-size:1.375rem;margin:0 0 .75rem;color:#9b1c1c}p{margin:0 0 1.25rem}' +
  'nav{display:flex;flex-wrap:wrap;gap:.75rem;margin-bottom:1.25rem}' +
  'a{display:inline-block;padding:.625rem 1.125rem;border-radius:8px;text-decoration:none;font-weight:600}' +
  'a.primary{background:#0b57d0;color:#fff}a.secondary{border:1px solid #0b57d0;color:#0b57d0}' +
  'a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}' +
  '.code{font-size:.875rem;color:#4b5563}code{font-family:ui-monospace,monospace}';

let styleHash: Promise<string> | undefined;
function styleSource(): Promise<string> {
  styleHash ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(STYLE))
    .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  return styleHash;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const LABELS: Record<PageLocale, { retry: string; home: string; code: string }> = {
  vi: { retry: 'Thử lại', home: 'Về trang chủ', code: 'Mã lỗi' },
  en: { retry: 'Try again', home: 'Back to home', code: 'Error code' },
};

/** The error page; sets its content type and content security policy on `headers`. */
export async function errorPage(
  error: DinhDanhError,
  locale: PageLocale,
  links: ErrorPageLinks,
  headers: Headers,
): Promise<Response> {
  const words = pageWords(error.code, locale);
  const labels = LABELS[locale];
  headers.set('content-type', 'text/html; charset=utf-8');
  headers.set(
    'content-security-policy',
    `default-src 'none'; style-src ${await styleSource()}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  headers.set('content-language', locale);
  const body = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words.title)}</title><style>${STYLE}</style></head>
<body><main role="main" aria-labelledby="title">
<h1 id="title">${escapeHtml(words.title)}</h1>
<p>${escapeHtml(words.advice)}</p>
<nav aria-label="${escapeHtml(labels.retry)}"><a class="primary" href="${escapeHtml(links.retry)}">${escapeHtml(labels.retry)}</a><a class="secondary" href="${escapeHtml(links.home)}">${escapeHtml(labels.home)}</a></nav>
<p class="code">${escapeHtml(labels.code)}: <code data-testid="error-code">${escapeHtml(error.code)}</code></p>
</main></body></html>`;
  return new Response(body, { status: error.status, headers });
}
