/**
 * One cross-device login abstraction, pluggable transports: start a transaction, send the
 * citizen to their phone (QR or link), learn the outcome by polling. RFC 8628 device
 * authorization is the built-in transport; a profile may bring its own (VNeID share
 * transactions, DOMAIN.md dialect 6: app link + webhook or poll) through `crossDevice`.
 */
import type { CrossDeviceTransport, ProviderProfile } from '../providers/profile';
import type { RpContext } from '../rp/context';
import { deviceGrantTransport } from './device-grant';
import type { BuiltInTransport } from './device-grant';

/** The transport a profile brings, when it brings a well-formed one. */
export function profileTransport(profile: ProviderProfile): CrossDeviceTransport | undefined {
  const transport = profile.crossDevice;
  if (
    typeof transport !== 'object' ||
    typeof transport.name !== 'string' ||
    typeof transport.start !== 'function' ||
    typeof transport.poll !== 'function'
  ) {
    return undefined;
  }
  return transport;
}

/** The transport of that name: the profile's own first, then the built-in one. */
export function findTransport(
  ctx: RpContext,
  name: string,
): CrossDeviceTransport | BuiltInTransport | undefined {
  const own = profileTransport(ctx.profile);
  if (own?.name === name) return own;
  return name === deviceGrantTransport.name ? deviceGrantTransport : undefined;
}
