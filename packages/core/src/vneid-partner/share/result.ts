/**
 * Turns a share transaction's result into the cross-device status: pending, denied,
 * expired, or approved with a `LoginResult` (identity through the profile's normaliser,
 * level from `accountLevel` checked against the request, consent record). The result must
 * match the transaction it answers: same `txnId`, same purpose, same attributes.
 */
import { DinhDanhError } from '../../errors';
import { meetsLevel } from '../../levels';
import { grantedAttributes, readIdentity } from '../../login/identity';
import type { CrossDeviceContext } from '../../providers/profile';
import type { LoginResult, QrLoginHandle, QrLoginStatus } from '../../rp/types';
import type { ShareOutcome } from './schema';

function mismatch(what: string): DinhDanhError {
  return new DinhDanhError(
    'provider_response_invalid',
    `The share result does not match the transaction it answers (${what}); it was refused.`,
    { path: what },
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** Checks that the result answers this transaction. */
function checkBinding(handle: QrLoginHandle, outcome: ShareOutcome): void {
  if (outcome.txnId !== handle.ref) throw mismatch('txnId');
  if (outcome.purpose !== undefined && outcome.purpose !== handle.purpose)
    throw mismatch('purpose');
  if (outcome.attributes !== undefined && !sameSet(outcome.attributes, handle.claims)) {
    throw mismatch('attributes');
  }
}

/** The approved result as a `LoginResult` with `source: 'share'` and no tokens. */
function approvedResult(
  ctx: CrossDeviceContext,
  handle: QrLoginHandle,
  outcome: ShareOutcome,
): LoginResult {
  if (outcome.data === undefined) {
    throw new DinhDanhError(
      'provider_response_invalid',
      'The share transaction was approved but the result carries no data.',
      { path: 'data' },
    );
  }
  const identity = readIdentity(
    ctx.profile,
    ctx.options.issuer,
    { userinfo: outcome.data },
    ctx.now,
  );
  if (!meetsLevel(identity.level, handle.level)) {
    throw new DinhDanhError(
      'insufficient_level',
      `The citizen's account is level ${identity.level}, below the required level ${handle.level}; ask for a level-${handle.level} account.`,
      { path: 'accountLevel' },
    );
  }
  const granted = grantedAttributes(identity, handle.required ?? [], 'The citizen did not share');
  const now = ctx.now();
  const answeredAt = outcome.answeredAt === undefined ? now : Date.parse(outcome.answeredAt);
  return {
    identity,
    tokens: { accessToken: '', tokenType: 'none' },
    consent: {
      requested: [...handle.claims],
      granted,
      ...(handle.purpose === undefined ? {} : { purpose: handle.purpose }),
      at: new Date(Number.isFinite(answeredAt) ? answeredAt : now).toISOString(),
    },
    session: { expiresAt: now + ctx.options.sessionMaxAge * 1000 },
    idTokenClaims: {},
    source: 'share',
  };
}

/**
 * The cross-device status of a share result.
 * @throws `provider_response_invalid` (not this transaction, approved without data),
 * `insufficient_level`, `claims_missing`, `claims_invalid`.
 */
export function shareStatus(
  ctx: CrossDeviceContext,
  handle: QrLoginHandle,
  outcome: ShareOutcome,
): QrLoginStatus {
  checkBinding(handle, outcome);
  switch (outcome.status) {
    case 'pending':
      return { status: 'pending' };
    case 'denied':
      return { status: 'denied' };
    case 'expired':
      return { status: 'expired' };
    case 'approved':
      return { status: 'approved', result: approvedResult(ctx, handle, outcome) };
  }
}
