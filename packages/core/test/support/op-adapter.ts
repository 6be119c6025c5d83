/**
 * A storage adapter for oidc-provider, kept in a Map per provider instance. Passing one
 * (rather than relying on the library's development default, which warns at every start)
 * also keeps each test provider's grants and codes apart from every other's.
 * The interface is oidc-provider's `Adapter` (its example/my_adapter.js).
 */

/** What oidc-provider stores: a model's payload (grant, code, session, ...). */
type AdapterPayload = Record<string, unknown>;

/** oidc-provider's storage adapter interface (one instance per model name). */
interface Adapter {
  upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
  find(id: string): Promise<AdapterPayload | undefined>;
  findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
  findByUid(uid: string): Promise<AdapterPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

interface Entry {
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

/** A Map-backed `Adapter` factory: one store per provider, shared by its models. */
export function mapAdapter(): new (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  const index = (kind: string, value: string) => `${kind}:${value}`;

  return class MapAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const expiresAt = expiresIn > 0 ? Date.now() + expiresIn * 1000 : undefined;
      entries.set(this.key(id), { payload, expiresAt });
      if (typeof payload.grantId === 'string') {
        const grant = index('grant', payload.grantId);
        const keys = (entries.get(grant)?.payload.keys as string[] | undefined) ?? [];
        entries.set(grant, { payload: { keys: [...keys, this.key(id)] }, expiresAt });
      }
      if (typeof payload.userCode === 'string') {
        entries.set(index('userCode', payload.userCode), { payload: { id }, expiresAt });
      }
      if (typeof payload.uid === 'string') {
        entries.set(index('uid', payload.uid), { payload: { id }, expiresAt });
      }
      return Promise.resolve();
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(live(this.key(id)));
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = live(index('userCode', userCode))?.id;
      return Promise.resolve(typeof id === 'string' ? live(this.key(id)) : undefined);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = live(index('uid', uid))?.id;
      return Promise.resolve(typeof id === 'string' ? live(this.key(id)) : undefined);
    }

    consume(id: string): Promise<void> {
      const payload = live(this.key(id));
      if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    }

    destroy(id: string): Promise<void> {
      entries.delete(this.key(id));
      return Promise.resolve();
    }

    revokeByGrantId(grantId: string): Promise<void> {
      const grant = index('grant', grantId);
      for (const key of (live(grant)?.keys as string[] | undefined) ?? []) entries.delete(key);
      entries.delete(grant);
      return Promise.resolve();
    }
  };
}
