import { decodeJwt, SignJWT, type JWK, importJWK, type JWTPayload } from 'jose';

type Rewrite = (
  url: URL,
  body: Record<string, unknown>,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** A JSON response, as a provider sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A fetch that lets a test rewrite JSON responses of chosen endpoints (a malicious network/provider). */
export function interceptingFetch(
  rewrites: { path: string; rewrite: Rewrite }[],
  log: string[] = [],
) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    log.push(url.pathname);
    const response = await fetch(input, init);
    const rule = rewrites.find((r) => url.pathname === r.path);
    if (rule === undefined || response.status !== 200) return response;
    const body = (await response.json()) as Record<string, unknown>;
    const next = await rule.rewrite(url, body);
    return jsonResponse(next);
  };
}

/** Re-signs a JWT's claims (changed by `change`) with a key. */
export async function resign(
  jwt: string,
  key: JWK,
  change: (claims: JWTPayload) => JWTPayload,
  header: { alg?: string; kid?: string; typ?: string } = {},
): Promise<string> {
  const claims = change({ ...decodeJwt(jwt) });
  const alg = header.alg ?? 'ES256';
  return new SignJWT(claims)
    .setProtectedHeader({
      alg,
      kid: header.kid ?? key.kid ?? 'k',
      ...(header.typ === undefined ? {} : { typ: header.typ }),
    })
    .sign(await importJWK(key, alg));
}
