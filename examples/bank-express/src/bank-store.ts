/**
 * The bank's own records, per citizen: the consent receipts of their logins and the
 * accounts they opened. In memory, or in Redis (`REDIS_URL`) so several instances agree.
 * Keys are the provider's subject identifier, never the personal ID number.
 */
import { createHash } from 'node:crypto';

/** An account the citizen opened here. */
export interface OpenedAccount {
  readonly number: string;
  readonly openedAt: string;
}

/** What the bank keeps about one citizen. */
export interface CustomerRecord {
  /** Consent receipts (compact JWS), newest first, at most {@link MAX_RECEIPTS}. */
  readonly receipts: readonly string[];
  readonly accounts: readonly OpenedAccount[];
}

/** The few Redis calls the bank makes (a connected node-redis client fits). */
export interface KeyValueClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
}

const MAX_RECEIPTS = 10;
const EMPTY: CustomerRecord = { receipts: [], accounts: [] };

/** Per-citizen records over Redis or memory. */
export class BankStore {
  private readonly memory = new Map<string, string>();

  constructor(private readonly redis?: KeyValueClient) {}

  /** The record key: a hash of issuer and subject. */
  private key(issuer: string, subject: string): string {
    const digest = createHash('sha256').update(`${issuer}\n${subject}`).digest('base64url');
    return `bank-demo:customer:${digest}`;
  }

  async get(issuer: string, subject: string): Promise<CustomerRecord> {
    const key = this.key(issuer, subject);
    const raw = this.redis === undefined ? this.memory.get(key) : await this.redis.get(key);
    return raw === undefined || raw === null ? EMPTY : (JSON.parse(raw) as CustomerRecord);
  }

  private async put(issuer: string, subject: string, record: CustomerRecord): Promise<void> {
    const key = this.key(issuer, subject);
    const raw = JSON.stringify(record);
    if (this.redis === undefined) this.memory.set(key, raw);
    else await this.redis.set(key, raw);
  }

  /** Keeps a login's consent receipt. */
  async addReceipt(issuer: string, subject: string, receipt: string): Promise<void> {
    const record = await this.get(issuer, subject);
    const receipts = [receipt, ...record.receipts].slice(0, MAX_RECEIPTS);
    await this.put(issuer, subject, { ...record, receipts });
  }

  /** Opens a new payment account. */
  async openAccount(issuer: string, subject: string, now: Date): Promise<OpenedAccount> {
    const record = await this.get(issuer, subject);
    const account: OpenedAccount = {
      number: accountNumber(`${issuer}\n${subject}\n${record.accounts.length + 1}`),
      openedAt: now.toISOString(),
    };
    await this.put(issuer, subject, { ...record, accounts: [...record.accounts, account] });
    return account;
  }
}

/** A 12-digit account number derived from `seed` (stable across restarts). */
export function accountNumber(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 12n).toString().padStart(12, '0');
}

/** The demo balance of an account, in đồng (made up, stable for the account number). */
export function demoBalance(number: string): number {
  const digest = createHash('sha256').update(`balance:${number}`).digest();
  return (digest.readUInt32BE(0) % 90_000) * 1_000 + 1_000_000;
}
