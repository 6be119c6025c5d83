/** The languages the mock's pages speak: Vietnamese first, English on request. */
export type PageLocale = 'vi' | 'en';

/**
 * Picks the page language from an OpenID Connect `ui_locales` value (space-separated
 * BCP 47 tags, most preferred first). Vietnamese unless English comes first.
 */
export function pickLocale(uiLocales: string | null | undefined): PageLocale {
  for (const tag of (uiLocales ?? '').split(/\s+/)) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'vi') return 'vi';
    if (primary === 'en') return 'en';
  }
  return 'vi';
}
