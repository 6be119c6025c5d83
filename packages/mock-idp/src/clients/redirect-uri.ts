/**
 * Redirect URI matching: exact string comparison (OAuth 2.0 Security BCP, RFC 9700 §2.1),
 * except that a registered loopback IP literal matches any port (RFC 8252 §7.3).
 */
const LOOPBACK = new Set(['127.0.0.1', '[::1]']);

/** Whether `requested` matches one of the `registered` URIs. */
export function matchesRedirectUri(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  let req: URL;
  try {
    req = new URL(requested);
  } catch {
    return false;
  }
  if (req.protocol !== 'http:' || !LOOPBACK.has(req.hostname)) return false;
  return registered.some((r) => {
    const reg = new URL(r);
    if (reg.protocol !== 'http:' || reg.hostname !== req.hostname) return false;
    reg.port = '';
    const withoutPort = new URL(requested);
    withoutPort.port = '';
    return reg.href === withoutPort.href;
  });
}
