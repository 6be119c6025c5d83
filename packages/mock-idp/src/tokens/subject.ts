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
  if (client.subjectType === 'pairwise') {
    const sector = new URL(client.redirectUris[0] ?? 'http://localhost').host;
    return (await sha256b64(`pairwise|${sector}|${persona.id}`)).slice(0, 32);
  }
  return (await sha256b64(`public|${persona.id}`)).slice(0, 32);
}
