/**
 * The admin API under `/__mock/` (only when `admin: true`): faults, key rotation,
 * delivered back-channel logouts, reset, headless device approval, personas.
 */
import { isDinhDanhError } from '@dinhdanh/core';
import { z } from 'zod';
import { answerDevice } from '../authorization/device';
import type { Context } from '../context';
import { faultSpecSchema } from '../faults/catalogue';
import { summarise } from '../personas/registry';
import type { Persona } from '../personas/schema';
import { subjectFor } from '../tokens/subject';
import { json, oauthError } from '../util/http';

/**
 * A persona's summary with the `sub` each registered client sees (public subjects are the
 * same for every client, pairwise ones differ), so tests can match tokens to personas.
 */
async function withSubjects(ctx: Context, persona: Persona): Promise<Record<string, unknown>> {
  const subjects: Record<string, string> = {};
  for (const client of ctx.clients.values())
    subjects[client.clientId] = await subjectFor(persona, client);
  return { ...summarise(persona), subjects };
}

/** What the admin API can do to the provider (the same as the programmatic API). */
export interface AdminActions {
  rotateKeys(): Promise<unknown>;
  reset(): void;
}

const faultsBody = z.union([
  z.object({ faults: z.array(faultSpecSchema) }),
  faultSpecSchema,
  z.array(faultSpecSchema),
]);
const deviceBody = z.object({
  user_code: z.string().min(1),
  persona: z.string().min(1).optional(),
  decision: z.enum(['approve', 'deny']).default('approve'),
});

async function body(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return {};
  return JSON.parse(text) as unknown;
}

/** Handle `/__mock/{rest}`. */
export async function admin(
  ctx: Context,
  actions: AdminActions,
  request: Request,
  rest: string,
): Promise<Response> {
  const route = `${request.method} ${rest}`;
  try {
    switch (route) {
      case 'GET faults':
        return json({ faults: ctx.faults.list() });
      case 'POST faults': {
        const parsed = faultsBody.safeParse(await body(request));
        if (!parsed.success)
          return oauthError('invalid_request', parsed.error.issues[0]?.message ?? 'bad faults');
        const specs = Array.isArray(parsed.data)
          ? parsed.data
          : 'faults' in parsed.data
            ? parsed.data.faults
            : [parsed.data];
        ctx.faults.set(specs);
        return json({ faults: ctx.faults.list() });
      }
      case 'DELETE faults':
        ctx.faults.clear();
        return json({ faults: [] });
      case 'POST keys/rotate':
        return json(await actions.rotateKeys());
      case 'GET logouts':
        return json({ logouts: ctx.store.logouts });
      case 'POST reset':
        actions.reset();
        return json({ reset: true });
      case 'GET personas':
        return json({ personas: await Promise.all(ctx.personas.map((p) => withSubjects(ctx, p))) });
      case 'POST device/approve': {
        const parsed = deviceBody.safeParse(await body(request));
        if (!parsed.success)
          return oauthError('invalid_request', parsed.error.issues[0]?.message ?? 'bad body');
        const { user_code: userCode, persona, decision } = parsed.data;
        const answer = answerDevice(ctx, userCode, persona, decision);
        return answer.ok
          ? json({ status: answer.status })
          : oauthError(answer.error, answer.description);
      }
      default:
        return oauthError('not_found', `no admin route ${route}`, 404);
    }
  } catch (error) {
    if (error instanceof SyntaxError) return oauthError('invalid_request', 'the body is not JSON');
    if (isDinhDanhError(error)) return oauthError('invalid_request', error.message);
    throw error;
  }
}
