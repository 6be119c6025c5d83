import type { PageLocale } from '../page-models';

export type { PageLocale };

/**
 * Picks the page language from an OpenID Connect `ui_locales` value (space-separated
 * BCP 47 tags, most preferred first): the first of `vi` or `en` that appears, else the
 * fallback (Vietnamese unless configured otherwise).
 */
export function pickLocale(
  uiLocales: string | null | undefined,
  fallback: PageLocale = 'vi',
): PageLocale {
  for (const tag of (uiLocales ?? '').split(/\s+/)) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'vi') return 'vi';
    if (primary === 'en') return 'en';
  }
  return fallback;
}
