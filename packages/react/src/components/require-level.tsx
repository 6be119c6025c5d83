import type { ReactNode } from 'react';
import { LEVEL_NAMES } from '@dinhdanh/core/data';
import type { AssuranceLevel } from '@dinhdanh/core';
import { useDinhDanh } from '../identity/context';
import type { LoginOptions } from '../identity/types';

/** Props of {@link RequireLevel}. */
export interface RequireLevelProps extends Omit<LoginOptions, 'level'> {
  /** The assurance level the children need. */
  readonly level: AssuranceLevel;
  /** Shown instead of the children below that level; default: a step-up (or sign-in) offer. */
  readonly fallback?: ReactNode;
  /** Shown while `/me` loads; default nothing. */
  readonly loading?: ReactNode;
  /** What the level-gated content is. */
  readonly children?: ReactNode;
}

/**
 * Renders its children only to a session at `level` or above; otherwise `fallback`, by
 * default a sentence naming the level and a button that steps up (or signs in) to it.
 * A gate for the screen only: the server must check the level of every request itself
 * (`requireIdentity({ level })`).
 *
 * @example
 * ```tsx
 * <RequireLevel level={2}>
 *   <TaxReturn />
 * </RequireLevel>
 * ```
 */
export function RequireLevel(props: RequireLevelProps): ReactNode {
  const { level, fallback, loading, children, ...options } = props;
  const { identity, messages, locale } = useDinhDanh();
  if (identity.status === 'loading') return loading ?? null;
  if (identity.level !== undefined && identity.level >= level) return children;
  if (fallback !== undefined) return fallback;
  const name = LEVEL_NAMES[level][locale];
  const act = () =>
    identity.status === 'authenticated'
      ? identity.stepUp(level, options)
      : identity.login({ ...options, level });
  return (
    <div className="dinhdanh-require-level" role="group">
      <p>{messages.levelRequired(name)}</p>
      <button type="button" onClick={act}>
        {messages.stepUp(name)}
      </button>
    </div>
  );
}
