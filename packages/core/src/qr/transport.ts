/**
 * One cross-device login abstraction, pluggable transports: start a transaction, send the
 * citizen to their phone (QR or link), learn the outcome by polling. RFC 8628 device
 * authorization is the first transport; VNeID share transactions (DOMAIN.md dialect 6,
 * app link + webhook or poll) fit the same two operations.
 */
import type { AttributeName } from '../claims/attributes';
import type { AssuranceLevel } from '../claims/identity';
import type { RpContext } from '../rp/context';
import type { QrLoginHandle, QrLoginStatus } from '../rp/types';

/** What a cross-device login asks for, validated. */
export interface CrossDeviceRequest {
  level: AssuranceLevel;
  claims: readonly AttributeName[];
  required: readonly AttributeName[];
  purpose?: string;
}

/** What a transport's start returns. */
export interface CrossDeviceStart {
  /** Secret reference the transport needs to poll (device code, txnId...). */
  ref: string;
  /** URI for the QR code / app link. */
  qrUri: string;
  /** Code to type instead, when any. */
  userCode?: string;
  /** Lifetime, seconds. */
  expiresIn: number;
  /** Poll interval, seconds. */
  interval: number;
}

/** A cross-device transport. */
export interface CrossDeviceTransport {
  /** Name stored in handles. */
  readonly name: string;
  /** Starts a cross-device transaction at the provider. */
  start(ctx: RpContext, request: CrossDeviceRequest): Promise<CrossDeviceStart>;
  /** Polls once. Called only for handles that are valid and not yet expired. */
  poll(ctx: RpContext, handle: QrLoginHandle): Promise<QrLoginStatus>;
}

/**
 * A provider profile that brings its own cross-device transport (for example
 * `withShareTransactions(vneidPartner(...))`): `startQrLogin` uses it instead of the device
 * grant, so application code stays the same across protocols.
 */
export interface CrossDeviceProfile {
  /** The transport `startQrLogin` starts with, and `pollQrLogin` finds by name. */
  readonly crossDevice?: CrossDeviceTransport;
}

/** The transport a profile brings, when it brings a well-formed one. */
export function profileTransport(profile: object): CrossDeviceTransport | undefined {
  const transport = (profile as CrossDeviceProfile).crossDevice;
  if (
    typeof transport !== 'object' ||
    transport === null ||
    typeof transport.name !== 'string' ||
    typeof transport.start !== 'function' ||
    typeof transport.poll !== 'function'
  ) {
    return undefined;
  }
  return transport;
}

/** The transport of that name: the profile's own first, then the built-in ones. */
export function findTransport(ctx: RpContext, name: string): CrossDeviceTransport | undefined {
  const own = profileTransport(ctx.profile);
  if (own?.name === name) return own;
  return ctx.transports.get(name);
}
