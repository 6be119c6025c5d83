/**
 * What a TypeScript user writes against the installed packages, type-checked in the
 * packed project twice: module/moduleResolution nodenext, and module preserve with
 * bundler resolution. Every entry point is used, so a subpath whose types do not resolve
 * fails the check.
 */
import {
  createAuthHandlers,
  createRelyingParty,
  DinhDanhError,
  isDinhDanhError,
  memoryStore,
  oidc,
  redact,
  type AssuranceLevel,
  type Identity,
} from '@dinhdanh/core';
import { ATTRIBUTE_NAMES, LEVEL_NAMES, isSensitiveAttribute } from '@dinhdanh/core/data';
import { toNodeHandler } from '@dinhdanh/core/node';
import { vneidPartner } from '@dinhdanh/core/vneid-partner';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';
import { createMockIdp, startMockIdp, type Persona } from '@dinhdanh/mock-idp';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import express, { type Express } from 'express';
import { createServer } from 'node:http';

const client = {
  clientId: 'dinhdanh-dev',
  redirectUri: 'http://localhost:3000/auth/callback',
  clientAuth: {
    method: 'client_secret_basic',
    clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
  },
} as const;

/** Logs a persona in against an in-process mock, as docs/testing-with-the-mock.md does. */
export async function loginAs(persona: string): Promise<Identity> {
  const idp = createMockIdp({ autoApprove: true });
  const rp = createRelyingParty({
    provider: oidc(),
    issuer: idp.issuer,
    ...client,
    fetch: (input, init) => idp.fetch(new Request(input, init)),
  });
  try {
    const { url, transaction } = await rp.startLogin({
      level: 2,
      attributes: ['name', 'birthdate'],
      extraParams: { login_hint: persona },
    });
    const answer = await idp.fetch(new Request(url));
    const { identity } = await rp.finishLogin(answer.headers.get('location') ?? '', transaction);
    return identity;
  } finally {
    await idp.close();
  }
}

/** The level and name a page shows, or the stable error code. */
export async function greet(persona: string): Promise<string> {
  try {
    const identity = await loginAs(persona);
    const level: AssuranceLevel = identity.level;
    return `${identity.attributes.name?.full ?? identity.subject} — ${LEVEL_NAMES[level].vi}`;
  } catch (error) {
    if (isDinhDanhError(error)) return `${error.code}: ${redact(error.message)}`;
    throw error instanceof DinhDanhError ? error : new Error('unexpected', { cause: error });
  }
}

/** An Express app with the login routes, a level-2 page and the mock on a free port. */
export async function expressApp(): Promise<{ app: Express; close: () => Promise<void> }> {
  const mock = await startMockIdp({ port: 0, autoApprove: true });
  const rp = createRelyingParty({ provider: oidc(), issuer: mock.issuer, ...client });
  const app = express();
  app.use(dinhdanh({ rp, secrets: ['dev-only-session-secret-at-least-32-bytes'] }));
  app.get('/account', requireIdentity({ level: 2 }), (req, res) => {
    res.send(req.identity?.attributes.name?.full ?? '');
  });
  return { app, close: () => mock.close() };
}

/** core's web handlers on node:http, sessions in memory. */
export function nodeServer(issuer: string) {
  const rp = createRelyingParty({ provider: oidc(), issuer, ...client });
  const auth = createAuthHandlers(rp, {
    secrets: ['dev-only-session-secret-at-least-32-bytes'],
    sessions: { storage: 'store', store: memoryStore() },
  });
  return createServer(toNodeHandler((request) => auth.handle(request)));
}

/** The sensitive attributes, for a consent notice. */
export const sensitive = ATTRIBUTE_NAMES.filter((name) => isSensitiveAttribute(name));

/** msw handlers that answer for an in-process mock; a partner profile from a PEM key. */
export function inProcess(privateKey: string) {
  const idp = createMockIdp();
  const persona: Persona | undefined = idp.personas[0];
  return { handlers: mockIdpHandlers(idp), profile: vneidPartner({ privateKey }), persona };
}
