/**
 * Security headers for the mock's HTML pages. The pages use inline styles only, no
 * scripts, images or frames, so everything else is refused.
 */
function contentSecurityPolicy(formTargets: readonly string[]): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    // Browsers apply form-action to the redirects that follow a form post too, so the
    // relying party's redirect URI origin must be allowed on pages that end a login.
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const COMMON = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

/** Headers for a page whose forms only post back to the provider. */
export const pageHeaders: Readonly<Record<string, string>> = {
  ...COMMON,
  'content-security-policy': contentSecurityPolicy([]),
};

/**
 * Headers for a page whose form post may end in a redirect to the relying party
 * (persona picker, consent): `form-action` also allows the origins of those URIs.
 */
export function pageHeadersFor(redirectUris: readonly string[]): Record<string, string> {
  const origins = new Set<string>();
  for (const uri of redirectUris) {
    try {
      const origin = new URL(uri).origin;
      // Custom schemes (app callbacks) have an opaque "null" origin: allow the scheme.
      origins.add(origin === 'null' ? `${new URL(uri).protocol}` : origin);
    } catch {
      // An unparseable URI cannot be a redirect target; leave it out.
    }
  }
  return { ...COMMON, 'content-security-policy': contentSecurityPolicy([...origins]) };
}
