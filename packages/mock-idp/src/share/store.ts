/** Share transactions in memory, one map per mock (keyed by its store, so `reset()` can clear it). */
import type { AttributeName } from '@dinhdanh/core';
import type { MemoryStore } from '../store/memory';

/** Where a share transaction stands. `expired` is computed from the clock when read. */
export type ShareStatus = 'pending' | 'approved' | 'denied' | 'expired';

/** One attempt to deliver the result webhook. */
export interface ShareDelivery {
  readonly url: string;
  /** HTTP status of the receiver's answer; 0 when it could not be reached. */
  readonly status: number;
  /** The network error, when there was one. */
  readonly error?: string;
  /** The exact body sent (signed). */
  readonly body: string;
  /** The headers sent besides `content-type` (timestamp and signature). */
  readonly headers: Readonly<Record<string, string>>;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** A share transaction (DOMAIN.md dialect 6). */
export interface ShareTransaction {
  readonly txnId: string;
  readonly clientId: string;
  readonly serviceCode: string;
  readonly purpose: string;
  readonly attributes: readonly AttributeName[];
  /** The citizen the transaction is for, when the client named one. */
  readonly citizenPid?: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  status: 'pending' | 'approved' | 'denied';
  personaId?: string;
  answeredAt?: number;
  /** The claims shared on approval, in the client's dialect. */
  data?: Record<string, unknown>;
  readonly deliveries: ShareDelivery[];
}

const maps = new WeakMap<MemoryStore, Map<string, ShareTransaction>>();

/** The share transactions of one mock. */
export function shareTransactions(store: MemoryStore): Map<string, ShareTransaction> {
  let map = maps.get(store);
  if (map === undefined) {
    map = new Map();
    maps.set(store, map);
  }
  return map;
}

/** Forget every share transaction of one mock (its `reset()`). */
export function resetShares(store: MemoryStore): void {
  maps.get(store)?.clear();
}

/** The status as of `now`: a pending transaction past its expiry is `expired`. */
export function statusAt(txn: ShareTransaction, now: number): ShareStatus {
  return txn.status === 'pending' && txn.expiresAt <= now ? 'expired' : txn.status;
}

/** Drop transactions that expired more than an hour ago (bounded memory). */
export function sweepShares(store: MemoryStore, now: number): void {
  const map = maps.get(store);
  if (map === undefined) return;
  for (const [id, txn] of map) if (txn.expiresAt + 3_600_000 < now) map.delete(id);
}
