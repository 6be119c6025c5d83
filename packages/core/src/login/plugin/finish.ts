/**
 * Finishes a login with a plug-in protocol whose identity comes from userinfo alone (no
 * ID token), with the compensating controls of DESIGN.md: state checked first, the
 * callback decoded only after, PKCE still sent, tokens and userinfo only from the
 * configured issuer, the level from the provider's own field.
 */
import { DinhDanhError } from '../../errors';
import type { ProtocolPlugins } from '../../providers/profile';
import type { RpContext } from '../../rp/context';
import type { LoginResult, LoginTransaction } from '../../rp/types';
import { checkCallback } from '../callback';
import { loginResult } from '../complete';
import { issuerEndpoint } from './endpoint';
import { requestTokens, requestUserinfo } from './exchange';
import { readRawQuery } from './raw-query';
import { readTokens } from './tokens';

/** Completes a userinfo-only login. */
export async function finishUserinfoLogin(
  ctx: RpContext,
  protocol: ProtocolPlugins,
  callbackUrl: string | URL,
  transaction: LoginTransaction,
): Promise<LoginResult> {
  const metadata = await ctx.metadata.get();
  // State (and provider errors) first: nothing in the callback is decoded before it matched.
  const url = checkCallback(callbackUrl, transaction, metadata);
  // One callback per transaction: a copied transaction (cookie) cannot buy more decryptions
  // of attacker-chosen `encrypt_key` values, and a code is redeemed once from here.
  const until = transaction.createdAt + ctx.options.transactionMaxAge * 1000;
  if (!(await ctx.replayCache.add(`login:${transaction.state}`, until))) {
    throw new DinhDanhError(
      'transaction_invalid',
      'This login transaction was already used; start the login again.',
    );
  }
  const raw = readRawQuery(url.search);
  const rawCode = raw.get('code') ?? '';
  const decoded =
    protocol.decodeCallback === undefined ? { code: rawCode } : await protocol.decodeCallback(raw);
  const tokenUrl = issuerEndpoint(ctx.options.issuer, metadata, 'token_endpoint');
  const userinfoUrl = issuerEndpoint(ctx.options.issuer, metadata, 'userinfo_endpoint');
  const tokens = readTokens(
    ctx,
    await requestTokens(ctx, protocol, tokenUrl, {
      grant_type: 'authorization_code',
      code: decoded.code,
      redirect_uri: transaction.redirectUri,
      code_verifier: transaction.codeVerifier,
      ...decoded.tokenParams,
    }),
  );
  const userinfo = await requestUserinfo(ctx, protocol, userinfoUrl, tokens.accessToken);
  return loginResult(
    ctx,
    { ...transaction, required: transaction.required ?? [] },
    { tokens, idTokenClaims: {}, userinfo, levelPath: protocol.levelClaim ?? 'userinfo' },
  );
}
