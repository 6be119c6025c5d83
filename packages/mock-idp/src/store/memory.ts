/** The mock's in-memory state; `reset()` forgets everything. */
import type {
  AccessTokenRecord,
  EncryptedIdToken,
  CodeRecord,
  DeviceRecord,
  Grant,
  Interaction,
  LogoutDelivery,
  PushedRequest,
  RefreshTokenRecord,
  SessionRecord,
} from './types';

/** All the maps the endpoints share. */
export class MemoryStore {
  readonly interactions = new Map<string, Interaction>();
  readonly grants = new Map<string, Grant>();
  readonly revokedGrants = new Set<string>();
  readonly codes = new Map<string, CodeRecord>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly pushed = new Map<string, PushedRequest>();
  readonly devices = new Map<string, DeviceRecord>();
  readonly userCodes = new Map<string, string>();
  /** Client assertion `jti`s seen, with their expiry (ms), for replay detection. */
  readonly assertionJtis = new Map<string, number>();
  /** DPoP proof `jti`s seen (per key), with their expiry (ms). */
  readonly dpopJtis = new Map<string, number>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly logouts: LogoutDelivery[] = [];
  /**
   * Encrypted ID tokens issued, with the claims `/end_session` needs: the provider cannot
   * decrypt them, yet relying parties send them back as `id_token_hint`.
   */
  readonly encryptedIdTokens = new Map<string, EncryptedIdToken>();

  /** Forget everything. */
  reset(): void {
    this.interactions.clear();
    this.grants.clear();
    this.revokedGrants.clear();
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.pushed.clear();
    this.devices.clear();
    this.userCodes.clear();
    this.assertionJtis.clear();
    this.dpopJtis.clear();
    this.sessions.clear();
    this.logouts.length = 0;
    this.encryptedIdTokens.clear();
  }

  /** Drop expired entries so a long-running mock does not grow without bound. */
  sweep(now: number): void {
    for (const [k, v] of this.interactions) if (v.expiresAt < now) this.interactions.delete(k);
    for (const [k, v] of this.codes) if (v.expiresAt < now) this.codes.delete(k);
    for (const [k, v] of this.accessTokens) if (v.expiresAt < now) this.accessTokens.delete(k);
    for (const [k, v] of this.refreshTokens) if (v.expiresAt < now) this.refreshTokens.delete(k);
    for (const [k, v] of this.pushed) if (v.expiresAt < now) this.pushed.delete(k);
    for (const [k, v] of this.assertionJtis) if (v < now) this.assertionJtis.delete(k);
    for (const [k, v] of this.dpopJtis) if (v < now) this.dpopJtis.delete(k);
    for (const [k, v] of this.encryptedIdTokens)
      if (v.keepUntil < now) this.encryptedIdTokens.delete(k);
    for (const [k, v] of this.devices) {
      // kept ten minutes past expiry so a late poll still gets `expired_token`
      if (v.expiresAt + 600_000 < now) {
        this.devices.delete(k);
        this.userCodes.delete(v.userCode);
      }
    }
    // a grant lives as long as something still points to it
    const live = new Set<string>();
    for (const records of [this.codes, this.accessTokens, this.refreshTokens]) {
      for (const v of records.values()) live.add(v.grantId);
    }
    for (const v of this.devices.values()) if (v.grantId !== undefined) live.add(v.grantId);
    for (const k of this.grants.keys()) {
      if (!live.has(k)) {
        this.grants.delete(k);
        this.revokedGrants.delete(k);
      }
    }
  }

  /** Revoke a grant and every token issued under it (code reuse, refresh reuse). */
  revokeGrant(grantId: string): void {
    this.revokedGrants.add(grantId);
    for (const [k, v] of this.accessTokens) if (v.grantId === grantId) this.accessTokens.delete(k);
    for (const [k, v] of this.refreshTokens)
      if (v.grantId === grantId) this.refreshTokens.delete(k);
  }
}
