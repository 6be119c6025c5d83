import { createContext, useContext } from 'react';
import {
  BASE_MESSAGES,
  type BaseMessages,
  type Locale,
  type QrMessages,
} from '../messages/messages';
import type { IdentityValue } from './types';

/** What the provider shares with hooks and components (private). */
export interface DinhDanhContextValue {
  readonly basePath: string;
  readonly locale: Locale;
  /** The base texts with every override the app gave (QR ones included). */
  readonly messages: BaseMessages & Partial<QrMessages>;
  readonly identity: IdentityValue;
  readonly csrfToken: string | undefined;
  readonly navigate: (url: string) => void;
}

export const DinhDanhContext = createContext<DinhDanhContextValue | undefined>(undefined);

/** The provider's context; throws a clear error outside `<DinhDanhProvider>`. */
export function useDinhDanh(): DinhDanhContextValue {
  const value = useContext(DinhDanhContext);
  if (value === undefined) {
    throw new Error('@dinhdanh/react: wrap your app in <DinhDanhProvider basePath="/auth">.');
  }
  return value;
}

/** The messages in force (the provider's, or Vietnamese outside one). */
export function useMessages(): { locale: Locale; messages: BaseMessages & Partial<QrMessages> } {
  const value = useContext(DinhDanhContext);
  return value ?? { locale: 'vi', messages: BASE_MESSAGES.vi };
}
