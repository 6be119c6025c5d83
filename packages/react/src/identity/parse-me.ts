import type { MeResponse } from '@dinhdanh/core';
import type { AuthenticatedMe } from './types';
import { BackendFailure } from '../http/backend';

const LEVELS: readonly unknown[] = [0, 1, 2];

function invalid(): BackendFailure {
  return new BackendFailure({
    code: 'response_invalid',
    message: 'GET /me did not answer with a session summary.',
  });
}

/**
 * Checks the shape of `/me` at the edge (no schema library in the browser bundle):
 * anything but core's `anonymous` or well-formed `authenticated` summary is refused.
 */
export function parseMe(body: Record<string, unknown>): MeResponse {
  if (body.status === 'anonymous') return { status: 'anonymous' };
  if (body.status !== 'authenticated') throw invalid();
  const identity = body.identity as Record<string, unknown> | null | undefined;
  if (
    !LEVELS.includes(body.level) ||
    typeof body.expiresAt !== 'string' ||
    typeof body.csrfToken !== 'string' ||
    typeof identity !== 'object' ||
    identity === null ||
    typeof identity.provider !== 'string' ||
    typeof identity.attributes !== 'object' ||
    identity.attributes === null ||
    (body.granted !== undefined &&
      !(Array.isArray(body.granted) && body.granted.every((name) => typeof name === 'string')))
  ) {
    throw invalid();
  }
  return body as unknown as AuthenticatedMe;
}
