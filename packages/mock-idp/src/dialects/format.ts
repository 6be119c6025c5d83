/** Wire formats the non-standard dialects use (dates, phones, addresses). */
import type { Address } from '@dinhdanh/core';

/** `YYYY-MM-DD` → `dd/MM/yyyy`. */
export function dateDmy(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const [y, m, d] = iso.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** `YYYY-MM-DD` → `YYYYMMDD`. */
export function dateCompact(iso: string | undefined): string | undefined {
  return iso?.replaceAll('-', '');
}

/** E.164 `+84…` → national `0…`; other countries stay E.164. */
export function phoneNational(e164: string | undefined): string | undefined {
  if (e164 === undefined) return undefined;
  return e164.startsWith('+84') ? `0${e164.slice(3)}` : e164;
}

/** An address as the comma-separated string the portals send, most specific first. */
export function addressLine(address: Address | undefined): string | undefined {
  if (address === undefined) return undefined;
  const parts = [address.street, address.ward, address.district, address.province].filter(
    (p): p is string => p !== undefined,
  );
  return parts.length > 0 ? parts.join(', ') : address.formatted;
}
