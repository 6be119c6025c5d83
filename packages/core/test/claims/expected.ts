/** What `normalizeIdentity` gives for the synthetic people and firm of `fixtures.ts`. */
import { expect } from 'vitest';
import { normalizeIdentity, type ClaimSources, type Dialect, type Identity } from '@dinhdanh/core';
import * as f from './fixtures';

/** Mai's name, split in Vietnamese order. */
export const MAI_NAME = { full: 'Trần Thị Mai', family: 'Trần', middle: 'Thị', given: 'Mai' };

/** The attributes every citizen dialect gives for Mai. */
export const MAI_CORE = {
  pid: f.MAI.pid,
  name: MAI_NAME,
  birthdate: '1990-05-17',
  gender: 'female',
};

/** The head office of Công ty TNHH Sen Vàng, in the 2025 (two-level) shape. */
export const SEN_VANG_HEAD_OFFICE = {
  shape: '2025',
  formatted: '8 Lê Thánh Tôn, Phường Sài Gòn, Thành phố Hồ Chí Minh',
  street: '8 Lê Thánh Tôn',
  ward: 'Phường Sài Gòn',
  province: 'Thành phố Hồ Chí Minh',
};

/** Normalizes `sources` in `dialect` with the provider name `provider`, and checks the account is a level-2 citizen. */
export function levelTwoCitizen(
  dialect: Dialect,
  sources: ClaimSources,
  provider: string,
  expected: { subject: string; acr: string },
): Identity {
  const identity = normalizeIdentity(dialect, sources, f.context(provider));
  expect(identity).toMatchObject({ ...expected, level: 2, accountType: 'citizen' });
  return identity;
}

/** Normalizes `sources` in `dialect`, and checks the account is an organisation at level 0. */
export function organisation(dialect: Dialect, sources: ClaimSources): Identity {
  const identity = normalizeIdentity(dialect, sources, f.context());
  expect(identity).toMatchObject({ accountType: 'organisation', level: 0 });
  return identity;
}
