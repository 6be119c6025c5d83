/**
 * Named login requests: what `/login?request=<name>` (and `POST /qr/start` with
 * `{ "request": "<name>" }`) asks the provider for. The app writes them once, on the
 * server; a link can only pick one by name and raise its level, never choose attributes
 * or the purpose (an attacker's `/auth/login?claims=portrait&purpose=…` would otherwise
 * make the relying party ask for sensitive data under a purpose it never wrote).
 */
import * as z from 'zod/mini';
import { zodMessages } from '../config/messages';
import { ATTRIBUTE_NAMES, isSensitiveAttribute, type AttributeName } from '../claims/attributes';
import { assuranceLevelSchema, type AssuranceLevel } from '../claims/identity';
import { DinhDanhError } from '../errors';
import { redact } from '../redact';
import { parseLevel } from './query';

/** One login the app allows by name. */
export interface NamedLoginRequest {
  /**
   * Minimum assurance level. A query `level` may raise it, never lower it. Without it the
   * provider profile's default applies (1 for every built-in profile).
   */
  readonly level?: AssuranceLevel;
  /** Attributes to ask the citizen to share. Sensitive ones need `purpose`. */
  readonly claims?: readonly AttributeName[];
  /** Attributes without which the login fails (`claims_missing`); implied in `claims`. */
  readonly required?: readonly AttributeName[];
  /** Why the attributes are needed (Decree 13/2023, Law 91/2025); kept in the consent record. */
  readonly purpose?: string;
}

/** The app's named login requests, by name. `default` serves `/login` without `request`. */
export type NamedLoginRequests = Readonly<Record<string, NamedLoginRequest>>;

/** Name of the request used when the query names none. */
export const DEFAULT_LOGIN_REQUEST = 'default';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const attribute = z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]]);
const namedRequestSchema = z.strictObject({
  level: z.optional(assuranceLevelSchema),
  claims: z.optional(z.array(attribute).check(z.maxLength(ATTRIBUTE_NAMES.length))),
  required: z.optional(z.array(attribute).check(z.maxLength(ATTRIBUTE_NAMES.length))),
  purpose: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});

function invalid(message: string, path: string): DinhDanhError {
  return new DinhDanhError('config_invalid', message, { path });
}

/**
 * Checks the named requests once, at creation.
 * @throws `config_invalid` for a bad name, unknown attribute, or sensitive attribute without purpose.
 */
export function resolveRequests(requests: unknown): Map<string, NamedLoginRequest> {
  const resolved = new Map<string, NamedLoginRequest>();
  if (requests === undefined) return resolved;
  if (typeof requests !== 'object' || requests === null || Array.isArray(requests)) {
    throw invalid('`requests` must map names to login requests.', 'requests');
  }
  for (const [name, value] of Object.entries(requests)) {
    if (!NAME.test(name)) {
      throw invalid(
        `Request name "${name.slice(0, 64)}" may use letters, digits, ".", "_" and "-" only.`,
        'requests',
      );
    }
    const parsed = namedRequestSchema.safeParse(value, zodMessages);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = ['requests', name, ...(issue?.path ?? []).map(String)].join('.');
      throw invalid(`Invalid login request ${path}: ${issue?.message ?? ''}`, path);
    }
    const request = parsed.data;
    const sensitive = [...(request.claims ?? []), ...(request.required ?? [])].filter(
      isSensitiveAttribute,
    );
    if (sensitive.length > 0 && request.purpose === undefined) {
      throw invalid(
        `requests.${name} asks for the sensitive attribute(s) ${[...new Set(sensitive)].join(', ')}: give it a purpose (Decree 13/2023, Law 91/2025).`,
        `requests.${name}.purpose`,
      );
    }
    resolved.set(name, {
      ...(request.level === undefined ? {} : { level: request.level }),
      ...(request.claims === undefined ? {} : { claims: request.claims }),
      ...(request.required === undefined ? {} : { required: request.required }),
      ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
    });
  }
  return resolved;
}

/** Parameters a client may not send: what to ask for is chosen on the server. */
const SERVER_CHOSEN = ['claims', 'required', 'purpose'] as const;

/** Where the client's choice comes from: the /login query or the /qr/start JSON body. */
export interface ClientChoice {
  readonly request: unknown;
  readonly level: unknown;
  /** Returns whether the client sent this parameter at all. */
  readonly has: (name: string) => boolean;
}

/**
 * The login request a client picked: the named request, with `level` raised when asked.
 * @throws `input_invalid` for an unknown name, a lowered level, or `claims`/`required`/`purpose` sent by the client.
 */
export function pickRequest(
  requests: ReadonlyMap<string, NamedLoginRequest>,
  choice: ClientChoice,
  stepUp = false,
): NamedLoginRequest {
  for (const name of SERVER_CHOSEN) {
    if (choice.has(name)) {
      throw new DinhDanhError(
        'input_invalid',
        `\`${name}\` cannot come from the request: declare what to ask for in createAuthHandlers({ requests }) and pick it with \`request=<name>\`.`,
        { path: name },
      );
    }
  }
  const raw = choice.request;
  let name = DEFAULT_LOGIN_REQUEST;
  if (raw !== undefined && raw !== null && raw !== '') {
    if (typeof raw !== 'string' || !NAME.test(raw)) {
      throw new DinhDanhError('input_invalid', '`request` must be the name of a login request.', {
        path: 'request',
      });
    }
    name = raw;
  }
  const named = requests.get(name);
  if (named === undefined && name !== DEFAULT_LOGIN_REQUEST) {
    throw new DinhDanhError(
      'input_invalid',
      // The name is the client's: redacted, it cannot carry an ID number or phone into logs.
      `No login request is named "${redact(name)}"; declare it in createAuthHandlers({ requests }).`,
      { path: 'request' },
    );
  }
  const base = named ?? {};
  const level = parseLevel(choice.level);
  if (level === undefined) return base;
  if (base.level !== undefined && level < base.level) {
    throw new DinhDanhError(
      'input_invalid',
      `\`level\` may only raise the level of the login request (at least ${base.level}).`,
      { path: 'level' },
    );
  }
  // Without a level of its own the profile's default applies; level 1 (the lowest a query
  // may ask) is then left out so it can never lower a stricter default. A step-up to
  // level 1 could (a profile defaulting to level 2): refused.
  if (base.level === undefined && level === 1) {
    if (!stepUp) return base;
    throw new DinhDanhError('input_invalid', 'A step-up asks for level 2.', { path: 'level' });
  }
  return { ...base, level };
}
