/**
 * Minors' records, reached through the guardian's account. A child under 14 has an
 * e-identity account registered from a parent's or guardian's level-2 account; the guardian
 * opens it (here: logs in to it while logged in as themself), and the app keeps the child's
 * record beside the guardian's session only when the child's account names that guardian.
 */
import type {
  AttributeName,
  HealthInsurance,
  IdentityAttributes,
  LoginResult,
  Session,
} from '@dinhdanh/core';

/** What the app keeps of one child, for the guardian's session. */
export interface MinorRecord {
  /** The provider's subject of the child's account (one record per child). */
  readonly subject: string;
  readonly name: string;
  readonly birthdate?: string;
  readonly relationship?: string;
  readonly healthInsurance?: HealthInsurance;
  readonly socialInsurance?: string;
  /** Attributes shared in the child's login. */
  readonly granted: readonly AttributeName[];
}

/** Why a child's login was not linked to the guardian's session. */
export type LinkRefusal = 'no-guardian-session' | 'not-the-guardian' | 'not-a-minor';

/** Children get their own account login from this age (Decree 69/2024). */
export const MINOR_AGE_LIMIT = 14;

/** Vietnam's date (UTC+7, no daylight saving) at `now` (epoch ms), as YYYY-MM-DD. */
export function vietnamDate(now: number): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Full years between an ISO birth date and an ISO date. */
export function ageOn(birthdate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthdate.slice(0, 4));
  return date.slice(5) < birthdate.slice(5) ? years - 1 : years;
}

/**
 * Checks a child's login against the guardian's session (the login's browser's session).
 * @returns the record to keep, or why it is refused. The refusal says nothing of the child.
 */
export function minorRecordOf(
  result: LoginResult,
  guardian: Session,
  now: number,
): MinorRecord | Exclude<LinkRefusal, 'no-guardian-session'> {
  const attributes: IdentityAttributes = result.identity.attributes;
  const guardianPid = guardian.identity.attributes.pid;
  if (guardianPid === undefined || attributes.guardian?.pid !== guardianPid) {
    return 'not-the-guardian';
  }
  const { birthdate, name } = attributes;
  if (
    birthdate === undefined ||
    name === undefined ||
    ageOn(birthdate, vietnamDate(now)) >= MINOR_AGE_LIMIT
  ) {
    return 'not-a-minor';
  }
  return {
    subject: result.identity.subject,
    name: name.full,
    birthdate,
    ...(attributes.guardian.relationship === undefined
      ? {}
      : { relationship: attributes.guardian.relationship }),
    ...(attributes.healthInsurance === undefined
      ? {}
      : { healthInsurance: attributes.healthInsurance }),
    ...(attributes.socialInsurance === undefined
      ? {}
      : { socialInsurance: attributes.socialInsurance }),
    granted: result.consent.granted,
  };
}

/** The children's records of the live guardian sessions, in memory (one process). */
export interface MinorRecords {
  /** Keeps (or replaces) a child's record until the guardian's session ends. */
  keep(guardian: Session, record: MinorRecord): void;
  /** The children linked to this session, in the order they were added. */
  of(guardian: Session): readonly MinorRecord[];
  /** Forgets every child of a session (logout). */
  forget(sessionId: string): void;
}

interface Entry {
  readonly expiresAt: number;
  readonly records: MinorRecord[];
}

/**
 * Records keyed by the guardian's session id, dropped when that session expires or ends.
 * Bounded: at most `maxSessions` sessions (the oldest entry goes first) and
 * `maxChildren` children each.
 */
export function minorRecords(
  now: () => number,
  { maxSessions = 10_000, maxChildren = 10 } = {},
): MinorRecords {
  const entries = new Map<string, Entry>();
  function live(sessionId: string): Entry | undefined {
    const entry = entries.get(sessionId);
    if (entry !== undefined && entry.expiresAt <= now()) {
      entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }
  return {
    keep(guardian, record) {
      const entry = live(guardian.id) ?? { expiresAt: guardian.expiresAt, records: [] };
      const others = entry.records.filter((r) => r.subject !== record.subject);
      const records = [...others, record].slice(-maxChildren);
      entries.delete(guardian.id);
      entries.set(guardian.id, { expiresAt: entry.expiresAt, records });
      while (entries.size > maxSessions) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    of: (guardian) => live(guardian.id)?.records ?? [],
    forget(sessionId) {
      entries.delete(sessionId);
    },
  };
}
