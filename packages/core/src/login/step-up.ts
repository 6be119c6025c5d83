import type { RpContext } from '../rp/context';
import type { LoginStart, StepUpOptions } from '../rp/types';
import { startLogin } from './start';

/** A new login at a higher level with a fresh authentication (`max_age`, default 0). */
export function stepUp(ctx: RpContext, options: StepUpOptions): Promise<LoginStart> {
  return startLogin(ctx, { ...options, maxAge: options.maxAge ?? 0 });
}
