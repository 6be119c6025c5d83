/** Completes a browser login from the callback URL and the transaction. */
import * as client from 'openid-client';
import { protocolError } from '../http/protocol-error';
import type { RpContext } from '../rp/context';
import type { LoginResult, LoginTransaction } from '../rp/types';
import { checkCallback } from './callback';
import { completeLogin } from './complete';
import { finishUserinfoLogin } from './plugin/finish';
import { readTransaction } from './transaction';

/**
 * Checks the callback, exchanges the code (PKCE, client authentication, DPoP), verifies
 * the ID token ourselves and builds the result.
 */
export async function finishLogin(
  ctx: RpContext,
  callbackUrl: string | URL,
  input: LoginTransaction,
): Promise<LoginResult> {
  const transaction = readTransaction(ctx, input);
  // Plug-in point: a provider profile whose identity comes from userinfo alone.
  const protocol = ctx.profile.protocol;
  if (protocol?.identitySource === 'userinfo') {
    return finishUserinfoLogin(ctx, protocol, callbackUrl, transaction);
  }
  const metadata = await ctx.metadata.get();
  const url = checkCallback(callbackUrl, transaction, metadata);
  const config = await ctx.client();
  let response: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    response = await client.authorizationCodeGrant(
      config,
      url,
      {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
        ...(transaction.maxAge === undefined ? {} : { maxAge: transaction.maxAge }),
      },
      undefined,
      await ctx.dpop(config),
    );
  } catch (error) {
    throw protocolError(error);
  }
  return completeLogin(ctx, config, response, {
    nonce: transaction.nonce,
    ...(transaction.maxAge === undefined ? {} : { maxAge: transaction.maxAge }),
    level: transaction.level,
    claims: transaction.claims,
    required: transaction.required ?? [],
    ...(transaction.purpose === undefined ? {} : { purpose: transaction.purpose }),
    ...(transaction.returnTo === undefined ? {} : { returnTo: transaction.returnTo }),
  });
}
