import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { identityAttributesSchema, identitySchema } from '@dinhdanh/core';
import { makePid } from './synthetic';

const PID = makePid('001', 1990, 'female', 481516);
const base = {
  subject: 's-1',
  issuer: 'https://idp.example.test',
  provider: 'test',
  accountType: 'citizen',
  level: 2,
};

function issuePaths(value: unknown): string[] {
  const result = identitySchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('identitySchema', () => {
  it('accepts canonical values, including a PID as personal tax code', () => {
    const identity = {
      ...base,
      attributes: {
        pid: PID,
        birthdate: '1990-05-17',
        gender: 'female',
        taxCode: PID,
        phone: '+84912345678',
        nationality: 'VN',
        drivingLicence: { number: '010123456789', classes: ['B', 'C1E'] },
        vehicleRegistrations: [{ plate: '29H1-123.45' }],
        healthInsurance: { number: 'DN4010123456789' },
      },
    };
    expect(identitySchema.parse(identity)).toEqual(identity);
  });

  it('flags a PID that disagrees with the birth date or gender at attributes.pid', () => {
    const attributes = { pid: PID, birthdate: '1991-05-17' };
    expect(issuePaths({ ...base, attributes })).toEqual(['attributes.pid']);
    expect(issuePaths({ ...base, attributes: { pid: PID, gender: 'male' } })).toEqual([
      'attributes.pid',
    ]);
  });

  it.each([
    ['pid', { pid: '999090481516' }],
    ['phone', { phone: '+84112345678' }],
    ['nationality', { nationality: 'XX' }],
    ['taxCode', { taxCode: '12345' }],
    ['drivingLicence.classes.0', { drivingLicence: { number: '010123456789', classes: ['Z'] } }],
    ['vehicleRegistrations.0.plate', { vehicleRegistrations: [{ plate: '30A 12345' }] }],
    ['healthInsurance.number', { healthInsurance: { number: 'dn4010123456789' } }],
    ['guardian.pid', { guardian: { pid: '000000000000' } }],
  ])('rejects a non-canonical %s', (path, attributes) => {
    expect(issuePaths({ ...base, attributes })).toEqual([`attributes.${path}`]);
  });

  it('keeps identityAttributesSchema usable with pick and partial', () => {
    const picked = z.pick(identityAttributesSchema, { pid: true });
    expect(picked.safeParse({ pid: PID }).success).toBe(true);
    expect(picked.safeParse({ pid: '123' }).success).toBe(false);
    expect(z.partial(identityAttributesSchema).safeParse({}).success).toBe(true);
  });
});
