/**
 * Store sessions: the cookie holds a sealed pointer; the record, tokens included, lives
 * in the store, with an index from provider `sid` and `sub` to session ids so that a
 * back-channel logout deletes exactly the matching sessions.
 */
import * as z from 'zod/mini';
import { sealValue, unsealValue } from '../seal/seal';
import type { SealSecrets } from '../seal/secrets';
import { INDEX_TTL_SECONDS, keyOfMatch } from './revocations';
import { sessionSchema, type Session } from './session';
import type { SessionStore } from './store';
import type { SessionStrategy } from './strategy';

/** Options of {@link storeStrategy}. */
export interface StoreStrategyOptions {
  readonly secrets: SealSecrets;
  readonly now: () => number;
  readonly store: SessionStore;
  /** Cap on a session's life in seconds, if any. */
  readonly maxAge: number | undefined;
}

const pointerSchema = z.object({ id: z.string().check(z.minLength(16)) });
const idListSchema = z.array(z.string());

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
  const { store } = options;
  const seal = { secrets: options.secrets, now: options.now };

  async function load(id: string): Promise<Session | undefined> {
    // Store failures propagate (fail closed), they do not log the user out.
    const raw = await store.get(sessionKey(id));
    if (raw === undefined) return undefined;
    try {
      const parsed = sessionSchema.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.id === id ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    keepsTokens: true,
    maxAge: options.maxAge,
    async open(sealed) {
      let id: string;
      try {
        const pointer = pointerSchema.safeParse(await unsealValue('session-ref', sealed, seal));
        if (!pointer.success) return undefined;
        id = pointer.data.id;
      } catch {
        return undefined;
      }
      return load(id);
    },
    async save(session, ttl) {
      await store.set(sessionKey(session.id), JSON.stringify(session), ttl);
      await addId(store, subIndexKey(session.issuer, session.sub), session.id, ttl);
      if (session.sid !== undefined) {
        await addId(store, sidIndexKey(session.issuer, session.sid), session.id, ttl);
      }
      return sealValue('session-ref', { id: session.id }, { ...seal, ttl });
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
