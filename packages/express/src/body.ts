import type { IncomingMessage } from 'node:http';

/**
 * The body to hand to core when a body parser mounted before the router already read the
 * stream: the parsed form or JSON written back in the request's own content type (string
 * fields only for forms). Core then reads it with its own bound like any body.
 */
export function consumedBody(req: IncomingMessage): string | undefined {
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (typeof parsed === 'string') return parsed;
  if (parsed === null || typeof parsed !== 'object') return undefined;
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(parsed)) {
      for (const one of Array.isArray(value) ? value : [value]) {
        if (typeof one === 'string') form.append(name, one);
      }
    }
    return form.toString();
  }
  if (type.startsWith('application/json')) return JSON.stringify(parsed);
  return undefined;
}
