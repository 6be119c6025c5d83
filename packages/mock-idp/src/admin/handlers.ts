/**
 * The handlers of the admin API under `/__mock/` (only when `admin: true`): faults, key
 * rotation, delivered back-channel logouts, reset, headless device approval, personas.
 * Their paths are in the provider's route table (`../routing/table.ts`).
 */
import { isDinhDanhError } from '@dinhdanh/core';
import { z } from 'zod';
import { answerDevice } from '../authorization/device';
import type { Context } from '../context';
import { faultSpecSchema } from '../faults/catalogue';
import { summarise } from '../personas/registry';
import type { Persona } from '../personas/schema';
import type { RouteCall } from '../routing/route';
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

/**
 * Answer through `handle`, a malformed JSON body or an invalid fault being `invalid_request`.
 */
function guarded(handle: (call: RouteCall) => Promise<Response> | Response) {
  return async (call: RouteCall): Promise<Response> => {
    try {
      return await handle(call);
    } catch (error) {
      if (error instanceof SyntaxError)
        return oauthError('invalid_request', 'the body is not JSON');
      if (isDinhDanhError(error)) return oauthError('invalid_request', error.message);
      throw error;
    }
  };
}

/** `GET /__mock/faults`: the armed faults. */
export const listFaults = guarded(({ ctx }) => json({ faults: ctx.faults.list() }));

/** `POST /__mock/faults`: arm faults (one spec, an array, or `{ faults }`). */
export const armFaults = guarded(async ({ ctx, request }) => {
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
});

/** `DELETE /__mock/faults`: disarm every fault. */
export const clearFaults = guarded(({ ctx }) => {
  ctx.faults.clear();
  return json({ faults: [] });
});

/** `POST /__mock/keys/rotate`: rotate the signing keys. */
export const rotateKeys = guarded(async ({ actions }) => json(await actions.rotateKeys()));

/** `GET /__mock/logouts`: the back-channel logouts delivered. */
export const listLogouts = guarded(({ ctx }) => json({ logouts: ctx.store.logouts }));

/** `POST /__mock/reset`: forget every code, token, session and interaction. */
export const resetProvider = guarded(({ actions }) => {
  actions.reset();
  return json({ reset: true });
});

/** `GET /__mock/personas`: every persona with the `sub` each client sees. */
export const listPersonas = guarded(async ({ ctx }) =>
  json({ personas: await Promise.all(ctx.personas.map((p) => withSubjects(ctx, p))) }),
);

/** `POST /__mock/device/approve` `{ user_code, persona?, decision? }`: answer a device login. */
export const approveDevice = guarded(async ({ ctx, request }) => {
  const parsed = deviceBody.safeParse(await body(request));
  if (!parsed.success)
    return oauthError('invalid_request', parsed.error.issues[0]?.message ?? 'bad body');
  const { user_code: userCode, persona, decision } = parsed.data;
  const answer = answerDevice(ctx, userCode, persona, decision);
  return answer.ok ? json({ status: answer.status }) : oauthError(answer.error, answer.description);
});

/** Any other request under `/__mock/`. */
export function noAdminRoute({ request, rest }: RouteCall): Response {
  return oauthError('not_found', `no admin route ${request.method} ${rest}`, 404);
}
