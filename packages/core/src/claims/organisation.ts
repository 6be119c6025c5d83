/** Organisation accounts: registered by their legal representative, no assurance level. */
import { parseAddress } from './address';
import { normalizeDate } from './dates';
import { invalid } from './fail';
import type { Organisation } from './identity';
import { normalizeName } from './name';
import { normalizePid } from './pid';
import { normalizeTaxCode } from './tax-code';
import { field, isRecord, prune, readText } from './text';

const text = (value: unknown, path: string) => readText(value, path);

/**
 * Reads an enterprise code (mã số doanh nghiệp): the same shape as a 10 or 13 digit tax
 * code.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the canonical code.
 * @throws DinhDanhError `claims_invalid` at `path` otherwise.
 */
export function normalizeEnterpriseCode(
  value: unknown,
  path = 'organisation.enterpriseCode',
): string {
  const code = normalizeTaxCode(value, path);
  return /^\d{10}(-\d{3})?$/.test(code) ? code : invalid(path, 'an enterprise code of 10 digits');
}

/** Reads an organisation's legal representative (`name`, `pid`). */
function readRepresentative(
  value: unknown,
  path: string,
): NonNullable<Organisation['representative']> {
  if (!isRecord(value)) return invalid(path, 'a representative object');
  return prune<NonNullable<Organisation['representative']>>({
    name: field(value, 'name', path, normalizeName) ?? invalid(`${path}.name`, 'a name'),
    pid: field(value, 'pid', path, normalizePid),
  });
}

/** Reads an organisation object in the SDK's own shape (standard dialect). */
export function readOrganisation(value: unknown, path: string): Organisation {
  if (!isRecord(value)) return invalid(path, 'an organisation object');
  return prune<Organisation>({
    name: field(value, 'name', path, text) ?? invalid(`${path}.name`, "the organisation's name"),
    englishName: field(value, 'englishName', path, text),
    taxCode: field(value, 'taxCode', path, normalizeTaxCode),
    enterpriseCode: field(value, 'enterpriseCode', path, normalizeEnterpriseCode),
    foundedOn: field(value, 'foundedOn', path, normalizeDate),
    headOffice: field(value, 'headOffice', path, parseAddress),
    representative: field(value, 'representative', path, readRepresentative),
  });
}
