/**
 * What counts as personal data or a credential in text the SDK or the mock produced:
 * shared by the fuzz tests (error messages) and the suite-wide privacy guard
 * (vitest.privacy-guard.ts). The patterns find the unredacted forms only: `redact()`'s
 * output (`*********345`, `m***@example.vn`, `[redacted jwt]`) matches none of them.
 */

const PATTERNS: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ['jwt', /eyJ[\w-]+\.[\w-]+\.[\w-]*/],
  ['email address', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/],
  // Vietnamese phone numbers, as redact() recognises them.
  ['phone number', /(?<![\d+])(?:\+84|84|0)[\s.-]?[1-9](?:[\s.-]?\d){7,9}(?!\d)/],
  ['personal ID number', /(?<!\d)\d{12}(?!\d)/],
  ['legacy ID number', /(?<!\d)\d{9}(?!\d)/],
];

/** The kinds of personal data or credentials in `text` (empty when none). */
export function personalDataIn(text: string): string[] {
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}

/** One link of an error's `cause` chain and the texts it shows. */
export interface ErrorLink {
  /** The error (or other value) at this link. */
  readonly holder: unknown;
  readonly texts: readonly string[];
}

/**
 * Everything an error shows when an app logs it, link by link: message, `path` and other
 * own properties, then each `cause` (messages of error causes, JSON of other causes,
 * whose properties a logger prints). Bounded in depth and size.
 */
export function errorChain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof Error) {
      const { path, ...rest } = { ...(current as unknown as Record<string, unknown>) };
      const texts = [current.message, json(rest)];
      if (typeof path === 'string') texts.push(path);
      links.push({ holder: current, texts });
      current = current.cause;
    } else {
      links.push({
        holder: current,
        texts: [typeof current === 'string' ? current : json(current)],
      });
      current = undefined;
    }
  }
  return links;
}

/** {@link errorChain}'s texts, all links together. */
export function errorTexts(error: unknown): string[] {
  return errorChain(error).flatMap((link) => link.texts);
}

function json(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? '').slice(0, 64 * 1024);
  } catch {
    return '';
  }
}
