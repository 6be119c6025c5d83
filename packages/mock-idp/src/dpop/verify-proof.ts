/**
 * DPoP proofs (RFC 9449 §4.3): a JWT signed with the key in its own header, bound to the
 * request's method and URL, fresh, never replayed, and at a resource bound to the access
 * token (`ath`). The thumbprint of the key (`jkt`) binds the tokens.
 */
import { base64url, calculateJwkThumbprint, EmbeddedJWK, jwtVerify } from 'jose';
import { epochSeconds, type Context } from '../context';
import { CLIENT_SIGNING_ALGS } from '../keys/client-algs';
import { OAuthProblem } from '../util/http';
import { sha256 } from '../util/random';

/** How far a proof's `iat` may be from the provider's clock, in seconds. */
const WINDOW = 60;

function invalid(description: string, status = 400): OAuthProblem {
  return new OAuthProblem('invalid_dpop_proof', description, status);
}

/** The request URL without query and fragment (the `htu` to compare with). */
function htu(request: Request): string {
  const url = new URL(request.url);
  return `${url.origin}${url.pathname}`;
}

/**
 * Verify the request's DPoP proof, if it has one. Returns the key thumbprint, or
 * undefined when there is no `DPoP` header. Throws `invalid_dpop_proof`.
 */
export async function verifyDpopProof(
  ctx: Context,
  request: Request,
  { accessToken, status = 400 }: { accessToken?: string; status?: number } = {},
): Promise<string | undefined> {
  const proof = request.headers.get('dpop');
  if (proof === null) return undefined;
  if (proof.includes(',')) throw invalid('send exactly one DPoP header', status);
  let result: Awaited<ReturnType<typeof jwtVerify>>;
  try {
    result = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: CLIENT_SIGNING_ALGS,
      requiredClaims: ['jti', 'iat', 'htm', 'htu'],
      // exp/nbf, when a proof has them, on the mock's clock like iat below
      currentDate: new Date(ctx.now()),
    });
  } catch {
    throw invalid(
      'the DPoP proof is not a valid dpop+jwt signed with the key in its header',
      status,
    );
  }
  const { payload, protectedHeader } = result;
  const jwk = protectedHeader.jwk;
  if (jwk === undefined || 'd' in jwk)
    throw invalid('the DPoP proof must carry a public jwk', status);
  if (payload.htm !== request.method)
    throw invalid('htm does not match the request method', status);
  // compare without query and fragment, as RFC 9449 §4.3 step 9 says
  const claimed = typeof payload.htu === 'string' ? payload.htu.split(/[?#]/)[0] : undefined;
  if (claimed !== htu(request)) throw invalid('htu does not match the request URL', status);
  const now = epochSeconds(ctx);
  if (typeof payload.iat !== 'number' || Math.abs(payload.iat - now) > WINDOW) {
    throw invalid('the DPoP proof is too old or from the future', status);
  }
  if (accessToken !== undefined) {
    const ath = base64url.encode(await sha256(accessToken));
    if (payload.ath !== ath) throw invalid('ath does not match the access token', status);
  }
  const jkt = await calculateJwkThumbprint(jwk);
  const key = `${jkt}\u0000${String(payload.jti)}`;
  const seen = ctx.store.dpopJtis.get(key);
  if (seen !== undefined && seen >= ctx.now())
    throw invalid('the DPoP proof was already used (jti)', status);
  ctx.store.dpopJtis.set(key, ctx.now() + 2 * WINDOW * 1000);
  return jkt;
}
