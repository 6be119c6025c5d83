import { DinhDanhError } from '../errors';
import { readLoginRequest } from '../login/request';
import type { RpContext } from '../rp/context';
import type { QrLoginHandle, QrLoginStart, StartQrLoginOptions } from '../rp/types';
import { findTransport, profileTransport } from './transport';

/**
 * Starts a cross-device login with the profile's own transport when it brings one (VNeID
 * share transactions), the device authorization grant otherwise.
 * @throws DinhDanhError input_invalid, purpose_required, config_invalid.
 */
export async function startQrLogin(
  ctx: RpContext,
  options: StartQrLoginOptions = {},
  transportName = profileTransport(ctx.profile)?.name ?? 'device_code',
): Promise<QrLoginStart> {
  const request = readLoginRequest(ctx, options);
  const transport = findTransport(ctx, transportName);
  if (transport === undefined)
    throw new DinhDanhError('config_invalid', `No cross-device transport named ${transportName}.`);
  const started = await transport.start(ctx, request);
  const createdAt = ctx.now();
  const expiresAt = createdAt + started.expiresIn * 1000;
  const handle: QrLoginHandle = {
    v: 1,
    transport: transport.name,
    ref: started.ref,
    level: request.level,
    claims: request.claims,
    required: request.required,
    ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
    issuer: ctx.options.issuer,
    createdAt,
    expiresAt,
    interval: started.interval,
  };
  return {
    handle,
    qrUri: started.qrUri,
    ...(started.userCode === undefined ? {} : { userCode: started.userCode }),
    expiresAt,
    interval: started.interval,
  };
}
