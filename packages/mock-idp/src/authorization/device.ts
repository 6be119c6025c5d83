/** Answering a device authorization (RFC 8628 §3.3): the phone page and the admin API use it. */
import type { Context } from '../context';
import { findPersona } from '../personas/registry';
import type { DeviceRecord } from '../store/types';
import { normaliseUserCode } from '../util/random';
import { createGrant, personaProblem } from './complete';

/** Find a pending device authorization by the code the citizen typed. */
export function findPendingDevice(ctx: Context, typed: string): DeviceRecord | undefined {
  const deviceCode = ctx.store.userCodes.get(normaliseUserCode(typed));
  const record = deviceCode === undefined ? undefined : ctx.store.devices.get(deviceCode);
  if (record === undefined || record.status !== 'pending' || record.expiresAt < ctx.now())
    return undefined;
  return record;
}

/** The outcome of answering a device authorization. */
export type DeviceAnswer =
  | { readonly ok: true; readonly status: 'approved' | 'denied' }
  | { readonly ok: false; readonly error: string; readonly description: string };

/** Approve (as a persona, granting every requested attribute) or deny a device authorization. */
export function answerDevice(
  ctx: Context,
  userCode: string,
  personaId: string | undefined,
  decision: 'approve' | 'deny',
): DeviceAnswer {
  const record = findPendingDevice(ctx, userCode);
  if (record === undefined) {
    return {
      ok: false,
      error: 'invalid_request',
      description: 'the code is unknown, expired or already answered',
    };
  }
  if (decision === 'deny') {
    record.status = 'denied';
    return { ok: true, status: 'denied' };
  }
  const persona = findPersona(ctx.personas, personaId);
  const client = ctx.clients.get(record.clientId);
  if (persona === undefined || client === undefined) {
    return { ok: false, error: 'invalid_request', description: 'choose an existing account' };
  }
  const problem = personaProblem(record.request, client, persona);
  if (problem !== undefined) {
    // a locked account or one below the level asked for ends the device login as denied
    record.status = 'denied';
    return { ok: false, error: problem.error, description: problem.description };
  }
  const grant = createGrant(
    ctx,
    record.request,
    client,
    persona,
    record.requested.map((r) => r.attribute),
  );
  record.grantId = grant.id;
  record.status = 'approved';
  return { ok: true, status: 'approved' };
}
