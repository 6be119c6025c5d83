import type { JWK, JWTPayload } from 'jose';
import type { LoginTransaction, RelyingParty } from '@dinhdanh/core';
import { codeOf } from './errors';
import { interceptingFetch, resign } from './intercept';
import { browse, type LoginChoice, type TestOp } from './op';

/** A login the provider has answered: the callback URL and the transaction to finish it. */
export interface AnsweredLogin {
  readonly callback: string;
  readonly transaction: LoginTransaction;
}

/** Starts a login at `rp`, lets the test provider answer as `choice` says, returns the callback. */
export async function login(
  op: TestOp,
  rp: RelyingParty,
  options: Parameters<RelyingParty['startLogin']>[0] = {},
  choice: LoginChoice = {},
): Promise<AnsweredLogin> {
  op.next = choice;
  const { url, transaction } = await rp.startLogin(options);
  return { callback: await browse(url), transaction };
}

/** The DinhDanhError code `finishLogin` rejects a fresh {@link login} with. */
export async function finishCode(...args: Parameters<typeof login>): Promise<string> {
  const { callback, transaction } = await login(...args);
  return codeOf(args[1].finishLogin(callback, transaction));
}

/** The code `finishLogin` rejects `answered`'s callback with once `edit` has changed its query. */
export function tamperedCode(
  rp: RelyingParty,
  answered: AnsweredLogin,
  edit: (query: URLSearchParams) => void,
): Promise<string> {
  const url = new URL(answered.callback);
  edit(url.searchParams);
  return codeOf(rp.finishLogin(url, answered.transaction));
}

/** A fetch whose token responses carry the ID token re-signed by `key` after `change`. */
export function resigningIdToken(
  key: JWK,
  change: (claims: JWTPayload) => JWTPayload,
  header: { kid?: string } = {},
) {
  return interceptingFetch([
    {
      path: '/token',
      rewrite: async (_url, body) => ({
        ...body,
        id_token: await resign(String(body.id_token), key, change, header),
      }),
    },
  ]);
}
