/**
 * The VNeID partner dialect (DOMAIN.md dialect 5): no ID token; the identity is the
 * camelCase userinfo. The subject is `citizenPid` (organisations: `organizationTaxCode`),
 * the level is `accountLevel`.
 */
import { missing } from '../fail';
import { normalizeDocumentNumber } from '../documents';
import { normalizeTaxCode } from '../tax-code';
import { prune } from '../text';
import { camelAccountType, readCamelAccountType, readCamelAttributes } from './camel';
import { readLevel, type DialectReading, type NormalizeContext } from './common';
import { WireClaims, type ClaimSources } from './source';

/** Reads the VNeID partner dialect (only `sources.userinfo` is read). */
export function readVneidPartner(
  sources: ClaimSources,
  _context: NormalizeContext,
): DialectReading {
  const claims = WireClaims.of(
    sources.userinfo === undefined ? {} : { userinfo: sources.userinfo },
  );
  const declared = readCamelAccountType(claims);
  const attributes = readCamelAttributes(claims, declared);
  const accountType = camelAccountType(declared, attributes);
  const subject =
    accountType === 'organisation'
      ? claims.read('organizationTaxCode', normalizeTaxCode)
      : (attributes.pid ??
        (accountType === 'foreigner'
          ? claims.read('foreignerId', normalizeDocumentNumber)
          : undefined));
  return prune<DialectReading>({
    subject:
      subject ??
      missing(
        accountType === 'organisation' ? 'userinfo.organizationTaxCode' : 'userinfo.citizenPid',
        'the subject',
      ),
    level: claims.read('accountLevel', readLevel) ?? 0,
    accountType,
    attributes,
    pidPath: claims.get('citizenPid')?.path,
  });
}
