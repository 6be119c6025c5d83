/**
 * The `sub` of a persona for a client: stable across logins and restarts. Public subjects
 * are the same for every client; pairwise ones (OIDC Core §8.1) differ per sector, taken
 * as the host of the client's first redirect URI.
 */
import type { MockClient } from '../options';
import type { Persona } from '../personas/schema';
import { sha256b64 } from '../util/random';

/** The subject identifier of `persona` as seen by `client`. */
export async function subjectFor(persona: Persona, client: MockClient): Promise<string> {
  let subjects = cache.get(client);
  if (subjects === undefined) {
    subjects = new Map();
    cache.set(client, subjects);
  }
  const known = subjects.get(persona.id);
  if (known !== undefined) return known;
  const sector = new URL(client.redirectUris[0] ?? 'http://localhost').host;
  const input =
    client.subjectType === 'pairwise' ? `pairwise|${sector}|${persona.id}` : `public|${persona.id}`;
  const sub = (await sha256b64(input)).slice(0, 32);
  subjects.set(persona.id, sub);
  return sub;
}

const cache = new WeakMap<MockClient, Map<string, string>>();
