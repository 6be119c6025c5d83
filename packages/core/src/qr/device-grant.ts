/** RFC 8628 device authorization grant as a cross-device transport. */
import * as client from 'openid-client';
import { DinhDanhError } from '../errors';
import { protocolError } from '../http/protocol-error';
import { completeLogin } from '../login/complete';
import { acrParameter, scopesFor } from '../login/request';
import type { CrossDeviceRequest, CrossDeviceStart } from '../providers/profile';
import type { RpContext } from '../rp/context';
import type { QrLoginHandle, QrLoginStatus } from '../rp/types';

const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The built-in transport: the device authorization grant needs the whole engine context. */
export interface BuiltInTransport {
  readonly name: string;
  start(ctx: RpContext, request: CrossDeviceRequest): Promise<CrossDeviceStart>;
  poll(ctx: RpContext, handle: QrLoginHandle): Promise<QrLoginStatus>;
}

/** The device authorization grant transport. */
export const deviceGrantTransport: BuiltInTransport = {
  name: 'device_code',

  async start(ctx, request) {
    const metadata = await ctx.metadata.get();
    if (typeof metadata.device_authorization_endpoint !== 'string') {
      throw new DinhDanhError(
        'config_invalid',
        'The provider does not offer the device authorization grant (no device_authorization_endpoint); QR login is unavailable.',
      );
    }
    const config = await ctx.client();
    const params: Record<string, string> = { scope: scopesFor(ctx, request.claims) };
    const acr = acrParameter(ctx, request.level);
    if (acr !== undefined) params.acr_values = acr;
    let response: client.DeviceAuthorizationResponse;
    try {
      response = await client.initiateDeviceAuthorization(config, params);
    } catch (error) {
      throw protocolError(error);
    }
    return {
      ref: response.device_code,
      qrUri: response.verification_uri_complete ?? response.verification_uri,
      userCode: response.user_code,
      expiresIn: response.expires_in,
      interval: response.interval ?? 5,
    };
  },

  async poll(ctx, handle) {
    const config = await ctx.client();
    let response: Awaited<ReturnType<typeof client.genericGrantRequest>>;
    try {
      response = await client.genericGrantRequest(
        config,
        GRANT,
        { device_code: handle.ref },
        await ctx.dpop(config),
      );
    } catch (error) {
      if (error instanceof client.ResponseBodyError) {
        switch (error.error) {
          case 'authorization_pending':
            return { status: 'pending' };
          case 'slow_down':
            return { status: 'slow_down', interval: handle.interval + 5 };
          case 'access_denied':
            return { status: 'denied' };
          case 'expired_token':
            return { status: 'expired' };
          default:
            break;
        }
      }
      throw protocolError(error);
    }
    const result = await completeLogin(ctx, config, response, {
      level: handle.level,
      claims: handle.claims,
      required: handle.required ?? [],
      ...(handle.purpose === undefined ? {} : { purpose: handle.purpose }),
    });
    return { status: 'approved', result };
  },
};
