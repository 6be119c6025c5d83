import { useMemo } from 'react';
import { ATTRIBUTES } from '@dinhdanh/core/data';
import { useDinhDanh } from '../identity/context';
import { readSource, type PrefillSource } from './sources';

/**
 * How one field was prefilled: `filled` from the identity; `not_shared` when the citizen
 * did not share the attribute (the field stays empty and `message` says so); `empty` when
 * shared but without this value (a 2025 address has no district) or not shown by the
 * server's `meAttributes`.
 */
export interface PrefillField {
  /** What happened. */
  readonly status: 'filled' | 'not_shared' | 'empty';
  /** For `not_shared`: the sentence to show beside the field. */
  readonly message?: string;
}

/** What {@link usePrefill} returns for a form with fields `K`. */
export interface Prefill<K extends string> {
  /** False while `/me` loads: render uncontrolled forms once it is true (default values apply on mount). */
  readonly ready: boolean;
  /** Default values by field name ('' when unknown): `useForm({ values })` or `defaultValue`. */
  readonly values: Readonly<Record<K, string>>;
  /** Per field: filled, not shared (with a message) or empty. */
  readonly fields: Readonly<Record<K, PrefillField>>;
  /** Props for an uncontrolled `<input>`: `name`, `defaultValue`, and `aria-describedby` when not shared. */
  field(name: K): { name: K; defaultValue: string; 'aria-describedby'?: string };
  /** The id of the element that should hold `fields[name].message` (for `aria-describedby`). */
  noteId(name: K): string;
}

/**
 * Default values for a form from the verified identity, so citizens stop typing what the
 * state already knows. Maps your field names to {@link PrefillSource}s.
 *
 * @param mapping - Form field name → source, e.g. `{ hoTen: 'fullName', ngaySinh: 'birthdate' }`.
 * @example
 * ```tsx
 * const prefill = usePrefill({ hoTen: 'fullName', mst: 'taxCode' });
 * const form = useForm({ values: prefill.values }); // react-hook-form
 * // or, uncontrolled: {prefill.ready && <input {...prefill.field('hoTen')} />}
 * ```
 */
export function usePrefill<K extends string>(
  mapping: Readonly<Record<K, PrefillSource>>,
): Prefill<K> {
  const { identity, messages, locale } = useDinhDanh();
  const key = JSON.stringify(mapping);
  return useMemo(() => {
    const attributes = identity.identity?.attributes ?? {};
    const granted = identity.consent?.granted;
    const values = {} as Record<K, string>;
    const fields = {} as Record<K, PrefillField>;
    for (const name of Object.keys(mapping) as K[]) {
      const { attribute, value } = readSource(mapping[name], attributes);
      values[name] = value ?? '';
      const shared =
        granted !== undefined ? granted.includes(attribute) : attributes[attribute] !== undefined;
      fields[name] =
        value !== undefined
          ? { status: 'filled' }
          : identity.status === 'authenticated' && !shared
            ? {
                status: 'not_shared',
                message: messages.notShared(ATTRIBUTES[attribute].label[locale]),
              }
            : { status: 'empty' };
    }
    const noteId = (name: K) => `dinhdanh-prefill-${name}`;
    return {
      ready: identity.status !== 'loading',
      values,
      fields,
      noteId,
      field: (name: K) => ({
        name,
        defaultValue: values[name],
        ...(fields[name].status === 'not_shared' ? { 'aria-describedby': noteId(name) } : {}),
      }),
    };
    // `key` stands for `mapping`: an inline object literal must not recompute every render.
  }, [identity, messages, locale, key]);
}
