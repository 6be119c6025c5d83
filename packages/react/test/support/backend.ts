/**
 * msw answering core's BFF endpoints under /auth with the wire shapes core declares
 * (typed with core's own MeResponse / QrStartResponse / QrPollResponse, so they cannot drift).
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  DinhDanhErrorCode,
  MeResponse,
  QrPollResponse,
  QrStartResponse,
} from '@dinhdanh/core';

export const server = setupServer();

export const ORIGIN = 'http://localhost:3000';
export const CSRF = 'csrf-token-of-the-session';

export const ANONYMOUS: MeResponse = { status: 'anonymous' };

export function authenticated(
  overrides: Partial<Extract<MeResponse, { status: 'authenticated' }>> = {},
): MeResponse {
  return {
    status: 'authenticated',
    level: 2,
    expiresAt: '2030-01-01T08:00:00.000Z',
    identity: {
      provider: 'vneid',
      accountType: 'citizen',
      level: 2,
      attributes: {
        name: { full: 'Nguyễn Văn An', family: 'Nguyễn', middle: 'Văn', given: 'An' },
        birthdate: '1985-03-14',
        gender: 'male',
        taxCode: '8012345678',
      },
    },
    granted: ['name', 'birthdate', 'gender', 'taxCode'],
    csrfToken: CSRF,
    ...overrides,
  };
}

export function problem(code: DinhDanhErrorCode, status: number): Response {
  return HttpResponse.json({ error: { code, message: `refused: ${code}` } }, { status });
}

/** Answers GET /auth/me with each body in turn (the last one repeats); records the calls. */
export function answerMe(...bodies: (MeResponse | (() => Response))[]): { calls: number } {
  const seen = { calls: 0 };
  server.use(
    http.get(`${ORIGIN}/auth/me`, () => {
      const body = bodies[Math.min(seen.calls, bodies.length - 1)]!;
      seen.calls += 1;
      return typeof body === 'function' ? body() : HttpResponse.json(body);
    }),
  );
  return seen;
}

/** A QR login whose polls answer each item in turn (the last repeats); records requests and times. */
export function answerQr(
  start: QrStartResponse | (() => Response),
  polls: (QrPollResponse | (() => Response))[],
): { starts: Request[]; polls: number[] } {
  const seen = { starts: [] as Request[], polls: [] as number[] };
  server.use(
    http.post(`${ORIGIN}/auth/qr/start`, ({ request }) => {
      seen.starts.push(request.clone());
      return typeof start === 'function' ? start() : HttpResponse.json(start);
    }),
    http.get(`${ORIGIN}/auth/qr/poll`, () => {
      const answer = polls[Math.min(seen.polls.length, polls.length - 1)]!;
      seen.polls.push(Date.now());
      return typeof answer === 'function' ? answer() : HttpResponse.json(answer);
    }),
  );
  return seen;
}
