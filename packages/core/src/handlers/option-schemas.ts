/** Small schemas for option objects: say what to fix, in the option's own name. */
import * as z from 'zod/mini';

/** An optional option that must be a function when given. */
export function functionOption<F>(name: string) {
  return z.optional(
    z.custom<F>((value) => typeof value === 'function', {
      error: `\`${name}\` must be a function.`,
    }),
  );
}

/** An optional whole, positive number of seconds. */
export function seconds(name: string) {
  const error = `\`${name}\` must be a positive whole number of seconds.`;
  return z.optional(z.int({ error }).check(z.positive({ error })));
}
