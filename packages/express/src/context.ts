import type { IncomingMessage } from 'node:http';
import type { DinhDanhError, RelyingParty } from '@dinhdanh/core';

/** What `dinhdanh()` leaves on each request for the gates. */
export interface RequestState {
  readonly basePath: string;
  readonly rp: RelyingParty;
  /** Reading the session failed (store down): gates answer with it, never let through. */
  readonly sessionError?: DinhDanhError;
  readonly render: (error: DinhDanhError, req: IncomingMessage) => Promise<Response>;
}

const STATE = Symbol.for('dinhdanh.express.state');

type WithState = IncomingMessage & { [STATE]?: RequestState };

/** Records the request's state. */
export function setState(req: IncomingMessage, state: RequestState): void {
  (req as WithState)[STATE] = state;
}

/** The request's state, when `dinhdanh()` ran before. */
export function getState(req: IncomingMessage): RequestState | undefined {
  return (req as WithState)[STATE];
}
