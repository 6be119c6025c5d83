/**
 * Store sessions: the cookie holds a sealed pointer; the record, tokens included, lives
 * in the store, with an index from provider `sid` and `sub` to session ids so that a
 * back-channel logout deletes exactly the matching sessions.
 */
import * as z from 'zod/mini';
import { rememberingUnsealer, sealValue } from '../seal/seal';
import type { SealSecrets } from '../seal/secrets';
import { INDEX_TTL_SECONDS, keyOfMatch, type MarkedSession, type Revocations } from './revocations';
import { sessionChecker } from './checked';
import type { Session } from './session';
import { getMany, type SessionStore } from './store';
import type { SessionStrategy } from './strategy';

/** Options of {@link storeStrategy}. */
export interface StoreStrategyOptions {
  readonly secrets: SealSecrets;
  readonly now: () => number;
  readonly store: SessionStore;
  /** Cap on a session's life in seconds, if any. */
  readonly maxAge: number | undefined;
  readonly revocations: Revocations;
}

// The sealed pointer names the session's issuer, subject and provider session too, so the
// record and its revocation marks are read in one round trip. Pointers sealed before they
// did (`{ id }` alone) read the record first, then its marks.
const pointerSchema = z.object({
  id: z.string().check(z.minLength(16)),
  iss: z.optional(z.string()),
  sub: z.optional(z.string()),
  sid: z.optional(z.string()),
});
const idListSchema = z.array(z.string());

/** What reading the session a pointer names takes. */
interface ReadPlan {
  readonly id: string;
  /** Whom the pointer names (pointers sealed before they named anyone: undefined). */
  readonly named: MarkedSession | undefined;
  /** The record's key, then its revocation marks' keys: one round trip. */
  readonly keys: readonly string[];
}

const enc = encodeURIComponent;
const sessionKey = (id: string) => `session:${id}`;
const sidIndexKey = (issuer: string, sid: string) => `sid:${enc(issuer)}:${enc(sid)}`;
const subIndexKey = (issuer: string, sub: string) => `sub:${enc(issuer)}:${enc(sub)}`;

async function readIds(store: SessionStore, key: string): Promise<string[]> {
  const raw = await store.get(key);
  if (raw === undefined) return [];
  try {
    const parsed = idListSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function addId(store: SessionStore, key: string, id: string, ttl: number): Promise<void> {
  const ids = await readIds(store, key);
  // Bounded: one citizen rarely has more than a few live sessions; keep the newest.
  // Read-modify-write: two logins of one citizen in the same instant may drop one id
  // from the index; the revocation marks still end that session on its next read.
  const next = [...ids.filter((existing) => existing !== id), id].slice(-50);
  await store.set(key, JSON.stringify(next), Math.max(ttl, INDEX_TTL_SECONDS));
}

/** Sessions kept in a store behind a sealed pointer. */
export function storeStrategy(options: StoreStrategyOptions): SessionStrategy {
  const { store, revocations } = options;
  const seal = { secrets: options.secrets, now: options.now };
  const unseal = rememberingUnsealer('session-ref', seal);

  const checker = sessionChecker();

  function parse(id: string, raw: string | undefined): Session | undefined {
    return raw === undefined ? undefined : checker.ofJson(id, raw);
  }

  // A pointer sent again is the same frozen value from the unsealer: its check and the keys
  // it reads are worked out once.
  const planned = new WeakMap<object, ReadPlan>();

  function planOf(value: unknown): ReadPlan | undefined {
    const frozen = typeof value === 'object' && value !== null && Object.isFrozen(value);
    const known = frozen ? planned.get(value) : undefined;
    if (known !== undefined) return known;
    const parsed = pointerSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const { id, iss, sub, sid } = parsed.data;
    const named =
      iss === undefined || sub === undefined
        ? undefined
        : ({ id, issuer: iss, sub, ...(sid === undefined ? {} : { sid }) } as const);
    const plan: ReadPlan = {
      id,
      named,
      keys: named === undefined ? [] : [sessionKey(id), ...revocations.keysOf(named)],
    };
    if (frozen) planned.set(value, plan);
    return plan;
  }

  // Store failures propagate (fail closed), they do not log the user out.
  async function load(plan: ReadPlan): Promise<Session | undefined> {
    const { id, named } = plan;
    if (named === undefined) {
      const session = parse(id, await store.get(sessionKey(id)));
      if (session === undefined) return undefined;
      return (await revocations.isRevoked(session)) ? undefined : session;
    }
    const [raw, ...marks] = await getMany(store, plan.keys);
    const session = parse(id, raw);
    // The marks read are those of the session the pointer names: the record must be it.
    if (
      session?.issuer !== named.issuer ||
      session.sub !== named.sub ||
      session.sid !== named.sid
    ) {
      return undefined;
    }
    return revocations.judge(session, marks) ? undefined : session;
  }

  return {
    keepsTokens: true,
    maxAge: options.maxAge,
    async open(sealed) {
      let plan: ReadPlan | undefined;
      try {
        plan = planOf(await unseal(sealed));
      } catch {
        return undefined;
      }
      return plan === undefined ? undefined : load(plan);
    },
    async save(session, ttl) {
      await store.set(sessionKey(session.id), JSON.stringify(session), ttl);
      await addId(store, subIndexKey(session.issuer, session.sub), session.id, ttl);
      if (session.sid !== undefined) {
        await addId(store, sidIndexKey(session.issuer, session.sid), session.id, ttl);
      }
      const { id, issuer: iss, sub, sid } = session;
      return sealValue(
        'session-ref',
        { id, iss, sub, ...(sid === undefined ? {} : { sid }) },
        {
          ...seal,
          ttl,
        },
      );
    },
    remove: (session) => store.delete(sessionKey(session.id)),
    async removeMatching(issuer, match) {
      const indexKey = keyOfMatch(issuer, match, { sid: sidIndexKey, sub: subIndexKey });
      if (indexKey === undefined) return;
      const ids = await readIds(store, indexKey);
      await Promise.all(ids.map((id) => store.delete(sessionKey(id))));
      await store.delete(indexKey);
    },
  };
}
