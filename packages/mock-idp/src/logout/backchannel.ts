/** Back-channel logout delivery (OpenID Connect Back-Channel Logout 1.0 §2.5). */
import type { Context } from '../context';
import type { SessionRecord } from '../store/types';
import { issueLogoutToken } from '../tokens/logout-token';
import { subjectFor } from '../tokens/subject';

/** End a session: POST a logout token to every client of it that registered a URI; record each delivery. */
export async function endSession(ctx: Context, session: SessionRecord): Promise<void> {
  ctx.store.sessions.delete(session.sid);
  const persona = ctx.personas.find((p) => p.id === session.personaId);
  if (persona === undefined) return;
  for (const clientId of session.clientIds) {
    const client = ctx.clients.get(clientId);
    const uri = client?.backchannelLogoutUri;
    if (client === undefined || uri === undefined) continue;
    const sub = await subjectFor(persona, client);
    const logoutToken = await issueLogoutToken(ctx, clientId, sub, session.sid);
    let status = 0;
    let error: string | undefined;
    try {
      const response = await ctx.fetch(
        new Request(uri, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ logout_token: logoutToken }).toString(),
          redirect: 'manual',
        }),
      );
      status = response.status;
      await response.body?.cancel();
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    ctx.store.logouts.push({
      clientId,
      uri,
      sid: session.sid,
      sub,
      logoutToken,
      status,
      at: ctx.now(),
      ...(error === undefined ? {} : { error }),
    });
  }
}
