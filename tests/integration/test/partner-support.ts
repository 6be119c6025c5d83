/**
 * Shared helpers of the partner-protocol integration tests: the relying party's RSA key
 * pair (made once), a mock client speaking the `vneid-partner` dialect with chosen
 * switches, and a relying party using core's `vneidPartner()` profile for it.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { RelyingParty, RelyingPartyConfig } from '@dinhdanh/core';
import { vneidPartner, type AesMode, type VneidPartnerOptions } from '@dinhdanh/core/vneid-partner';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import type { MockClientInput, PartnerClientInput } from '@dinhdanh/mock-idp';
import { mockClient, relyingParty, SECRET } from './support';

/** The relying party's key pair: PKCS#8 PEM (core) and SPKI PEM (registered at the mock). */
export const RP_KEYS = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** The built-in level-2 persona as the partner userinfo carries it (synthetic person). */
export const AN = {
  persona: 'citizen-l2',
  pid: '001085012345',
  fullName: 'Nguyễn Văn An',
  birthdate: '1985-03-14',
} as const;

/** Which responses are enveloped, as the mock names it. */
export type EnvelopeSwitch = 'both' | 'token' | 'userinfo' | 'none';

/** The switches of one partner client. */
export interface PartnerSwitches {
  readonly envelope: EnvelopeSwitch;
  readonly aesMode: AesMode;
  readonly encryptCode: boolean;
  readonly codeWithPlus: boolean;
}

/** A stable client id for a switch combination. */
export function partnerClientId(s: PartnerSwitches): string {
  return `partner-${s.envelope}-${s.aesMode}-${s.encryptCode ? 'enc' : 'plain'}-${s.codeWithPlus ? 'plus' : 'any'}`;
}

/** A mock client of the `vneid-partner` dialect (client_secret_post, the RP's public key). */
export function partnerClient(s: PartnerSwitches): MockClientInput {
  const partner: PartnerClientInput = {
    publicKey: RP_KEYS.publicKey,
    envelope: s.envelope,
    aesMode: s.aesMode,
    encryptCode: s.encryptCode,
    codeWithPlus: s.codeWithPlus,
  };
  return mockClient(partnerClientId(s), {
    dialect: 'vneid-partner',
    authMethods: ['client_secret_post'],
    partner,
  });
}

/** The profile options matching a mock client's switches. */
export function profileFor(s: PartnerSwitches): VneidPartnerOptions {
  return {
    privateKey: RP_KEYS.privateKey,
    aesMode: s.aesMode,
    envelope: {
      token: s.envelope === 'both' || s.envelope === 'token',
      userinfo: s.envelope === 'both' || s.envelope === 'userinfo',
    },
  };
}

/** A relying party with core's partner profile for the mock client of `s`. */
export function partnerRp(
  issuer: string,
  s: PartnerSwitches,
  options: Partial<RelyingPartyConfig> = {},
): RelyingParty {
  return relyingParty(issuer, partnerClientId(s), {
    clientAuth: { method: 'client_secret_post', clientSecret: SECRET },
    provider: vneidPartner(profileFor(s)),
    ...options,
  });
}

/** The raw value of a query parameter (no form decoding: `+` stays `+`). */
export function rawParam(url: string, name: string): string | undefined {
  const query = url.slice(url.indexOf('?') + 1);
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return undefined;
}

/** Where a partner test runs the mock: its issuer is known once `start()` resolved. */
export interface MockTarget {
  readonly name: string;
  issuer: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The mock over HTTP (startMockIdp on 127.0.0.1:0) with these clients; `extra` joins the target. */
export function overHttp<T extends object = object>(
  clients: readonly MockClientInput[],
  extra?: T,
): MockTarget & T {
  let running: RunningMockIdp | undefined;
  const target: MockTarget & T = {
    ...(extra as T),
    name: 'over HTTP (startMockIdp on 127.0.0.1:0)',
    issuer: '',
    async start() {
      running = await startMockIdp({
        port: 0,
        host: '127.0.0.1',
        autoApprove: true,
        clients: [...clients],
      });
      target.issuer = running.issuer;
    },
    async stop() {
      await running?.close();
    },
  };
  return target;
}
