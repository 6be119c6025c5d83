/**
 * The callback of a partner login: a standard-base64 code (so it may contain `+`),
 * optionally encrypted with `encrypt_key` beside it, written RAW into the query string as
 * observed, so a relying party must read the raw query for `+` to survive.
 */
import { encryptCode } from '@dinhdanh/core/vneid-partner';
import type { Context } from '../context';
import type { MockClient } from '../options';
import type { AuthorizationRequest, Grant } from '../store/types';
import { redirect } from '../util/http';
import { toBase64 } from './base64';
import { publicKeyOf } from './envelope';
import { partnerOptionsOf } from './options';

const MAX_TRIES = 64;

/** A plain code: 24 random bytes in standard base64 (32 characters, no padding). */
function plainCode(withPlus: boolean): string {
  const code = toBase64(crypto.getRandomValues(new Uint8Array(24)));
  if (!withPlus || code.includes('+')) return code;
  const at = (crypto.getRandomValues(new Uint8Array(1))[0] ?? 0) % code.length;
  return `${code.slice(0, at)}+${code.slice(at + 1)}`;
}

/** The `code` (and `encrypt_key`) to put on the callback for a plain code. */
async function callbackCode(
  client: MockClient,
  plain: string,
): Promise<{ code: string; encryptKey?: string }> {
  const partner = partnerOptionsOf(client);
  if (!partner.encryptCode) return { code: plain };
  const options = { publicKey: publicKeyOf(client), mode: partner.codeAesMode ?? partner.aesMode };
  let encrypted = await encryptCode(plain, options);
  // the ciphertext is random: draw again (bounded) until it shows a `+` when asked to
  for (let i = 0; partner.codeWithPlus && !encrypted.code.includes('+') && i < MAX_TRIES; i++)
    encrypted = await encryptCode(plain, options);
  return { code: encrypted.code, encryptKey: encrypted.encryptKey };
}

/** Issue a code for the grant and redirect to the client with it, unencoded. */
export async function partnerCodeRedirect(
  ctx: Context,
  request: AuthorizationRequest,
  client: MockClient,
  grant: Grant,
  status: 302 | 303,
): Promise<Response> {
  const partner = partnerOptionsOf(client);
  const plain = plainCode(partner.codeWithPlus && !partner.encryptCode);
  ctx.store.codes.set(plain, {
    grantId: grant.id,
    clientId: client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: '',
    expiresAt: ctx.now() + ctx.options.lifetimes.authorizationCode * 1000,
    used: false,
  });
  const { code, encryptKey } = await callbackCode(client, plain);
  const url = new URL(request.redirectUri);
  url.hash = '';
  // standard base64 is written as is (`+`, `/`, `=`): what the observed provider sends
  const params = [`code=${code}`];
  if (encryptKey !== undefined) params.push(`encrypt_key=${encryptKey}`);
  if (request.state !== undefined) params.push(`state=${encodeURIComponent(request.state)}`);
  params.push(`iss=${encodeURIComponent(ctx.issuer)}`);
  const sep = url.search === '' ? '?' : '&';
  return redirect(`${url.href}${sep}${params.join('&')}`, status);
}
