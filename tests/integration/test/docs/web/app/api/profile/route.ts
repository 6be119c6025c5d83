// app/api/profile/route.ts: an API only a logged-in citizen at level 2 may read.
import { auth } from '../../../auth.js';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const session = await auth.getSession(request);
  if (session === undefined) {
    return Response.json({ error: 'login_required' }, { status: 401 });
  }
  if (session.level < 2) {
    return Response.json({ error: 'level_2_required' }, { status: 403 });
  }
  const { name, birthdate } = session.identity.attributes;
  return Response.json({ name: name?.full, birthdate, level: session.level });
}
