import type { ReactNode } from 'react';
import { ATTRIBUTES } from '@dinhdanh/core/data';
import type { NamedLoginRequest } from '@dinhdanh/core';
import { useMessages } from '../identity/context';

/** Props of {@link ConsentNotice}. */
export interface ConsentNoticeProps {
  /**
   * The named login request the button will start: the same object the server gives
   * `createAuthHandlers({ requests })` (share the module; it is plain data).
   */
  readonly request: NamedLoginRequest;
  /** Class of the wrapping `<section>`. */
  readonly className?: string;
}

/**
 * Tells the citizen, before the login, which attributes the request asks for (in the
 * provider's language, from core's attribute catalogue), which are required, which are
 * sensitive personal data, and why (Decree 13/2023, Law 91/2025).
 *
 * @example
 * ```tsx
 * const requests = { taxFiling: { claims: ['name', 'pid', 'taxCode'], required: ['pid'], purpose: 'Khai thuế' } };
 * <ConsentNotice request={requests.taxFiling} />
 * ```
 */
export function ConsentNotice(props: ConsentNoticeProps): ReactNode {
  const { locale, messages } = useMessages();
  const { claims = [], required = [], purpose } = props.request;
  const names = [...new Set([...claims, ...required])];
  return (
    <section className={props.className ?? 'dinhdanh-consent'}>
      <p>{messages.consentIntro}</p>
      <ul>
        {names.map((name) => {
          const info = ATTRIBUTES[name];
          return (
            <li key={name} data-attribute={name}>
              {info.label[locale]}
              {required.includes(name) ? ` (${messages.required})` : ''}
              {info.sensitive ? ` — ${messages.sensitive}` : ''}
            </li>
          );
        })}
      </ul>
      {purpose === undefined ? null : (
        <p>
          {messages.purpose} {purpose}
        </p>
      )}
    </section>
  );
}
