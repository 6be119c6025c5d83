/** The National Public Service Portal (DVCQG) dialect: PascalCase Vietnamese claims, `loAs`. */
import type { DialectReading, NormalizeContext } from './common';
import { readPascal } from './pascal';
import { WireClaims, type ClaimSources } from './source';

/** Reads the DVCQG dialect. */
export function readDvcqg(sources: ClaimSources, context: NormalizeContext): DialectReading {
  return readPascal(WireClaims.of(sources), context);
}
