import { describe, expect, it } from 'vitest';
import { identitySchema, normalizeIdentity } from '@dinhdanh/core';
import { levelTwoCitizen, MAI_CORE, organisation, SEN_VANG_HEAD_OFFICE } from './expected';
import * as f from './fixtures';

describe('standard dialect', () => {
  it('reads a level-2 citizen with documents, merging ID token and userinfo', () => {
    const identity = levelTwoCitizen('standard', f.standardL2, 'oidc', {
      subject: 'std-mai-01',
      acr: 'urn:dinhdanh:loa:2',
    });
    expect(identitySchema.parse(identity)).toEqual(identity);
    expect(identity).toMatchObject({
      issuer: f.ISSUER,
      provider: 'oidc',
      amr: ['face', 'pin'],
      authTime: new Date(1_790_000_000_000).toISOString(),
    });
    expect(identity.attributes).toEqual({
      ...MAI_CORE,
      legacyId: f.MAI.legacyId,
      nationality: 'VN',
      ethnicity: 'Kinh',
      hometown: 'Nam Định',
      phone: f.MAI.phone,
      phoneVerified: true,
      email: f.MAI.email,
      emailVerified: false,
      address: {
        permanent: {
          shape: '2025',
          formatted: f.MAI.permanent,
          ward: 'Phường Hoàn Kiếm',
          province: 'Hà Nội',
        },
        current: {
          shape: 'legacy',
          formatted: f.MAI.current,
          street: '45 Lý Tự Trọng',
          ward: 'Phường Bến Nghé',
          district: 'Quận 1',
          province: 'Thành phố Hồ Chí Minh',
        },
      },
      taxCode: f.MAI.taxCode,
      socialInsurance: f.MAI.socialInsurance,
      healthInsurance: {
        number: f.MAI.healthInsurance,
        ...f.CARD_VALIDITY,
        hospital: 'Bệnh viện Bạch Mai',
      },
      drivingLicence: { number: f.MAI.licence, classes: ['A1', 'B'], issuedOn: '2015-03-02' },
      vehicleRegistrations: [
        { plate: '30A-123.45', kind: 'ô tô', brand: 'VinFast' },
        { plate: '29H1-678.90' },
      ],
    });
  });

  it('reads a level-1 citizen from the ID token alone; absent attributes stay absent', () => {
    const identity = normalizeIdentity('standard', f.standardL1, f.context());
    expect(identity.level).toBe(1);
    expect(Object.keys(identity.attributes).sort()).toEqual(['birthdate', 'gender', 'name', 'pid']);
    expect(identity.amr).toBeUndefined();
    expect(identity.authTime).toBeUndefined();
  });

  it('merges verified_claims over plain claims', () => {
    const identity = normalizeIdentity('standard', f.standardVerified, f.context());
    expect(identity.attributes).toEqual({ ...MAI_CORE, email: f.MAI.email });
  });

  it('accepts verified_claims as an array', () => {
    const userinfo = {
      ...f.standardVerified.userinfo,
      verified_claims: [
        { verification: { trust_framework: 'vn_vneid' }, claims: { vn_tax_code: f.MAI.taxCode } },
        f.standardVerified.userinfo.verified_claims,
      ],
    };
    const identity = normalizeIdentity('standard', { userinfo }, f.context());
    expect(identity.attributes.taxCode).toBe(f.MAI.taxCode);
    expect(identity.attributes.pid).toBe(f.MAI.pid);
    expect(identity.level).toBe(0);
  });

  it('reads a foreigner without splitting the name in Vietnamese order', () => {
    const identity = normalizeIdentity('standard', f.standardForeigner, f.context());
    expect(identity.accountType).toBe('foreigner');
    expect(identity.attributes).toMatchObject({
      name: { full: 'Claire Dupont', family: 'Dupont', given: 'Claire' },
      nationality: 'FR',
      foreignerId: 'NN12345678',
      passport: {
        number: '19AB12345',
        type: 'P',
        country: 'FR',
        issuedOn: '2019-04-01',
        expiresOn: '2029-03-31',
      },
    });
  });

  it("keeps a foreigner's name parts only when they appear in the full name", () => {
    const idToken = { ...f.standardForeigner.idToken, name: 'Claire Marie Dupont' };
    const consistent = normalizeIdentity('standard', { idToken }, f.context());
    expect(consistent.attributes.name).toEqual({
      full: 'Claire Marie Dupont',
      family: 'Dupont',
      given: 'Claire',
    });
    const swapped = { ...idToken, given_name: 'Martin' };
    const inconsistent = normalizeIdentity('standard', { idToken: swapped }, f.context());
    expect(inconsistent.attributes.name).toEqual({ full: 'Claire Marie Dupont' });
  });

  it('reads loAs validity dates as Vietnamese calendar days (UTC+7), also near midnight', () => {
    const loAs = [
      { level: 2, validDate: '20260602', expired_date: '20991231' },
      { level: 1, validDate: '20240101', expired_date: '20260601' },
    ];
    const userinfo = { ...f.dvcqgLoAsOnly.userinfo, loAs };
    const level = (at: number) =>
      normalizeIdentity('dvcqg', { userinfo }, f.context('dvcqg', at)).level;
    // 2026-06-01 16:59 UTC is 23:59 on 1 June in Hà Nội: only the first-of-June entry.
    expect(level(Date.UTC(2026, 5, 1, 16, 59))).toBe(1);
    // 17:00 UTC is already 2 June there, though still 1 June in UTC.
    expect(level(Date.UTC(2026, 5, 1, 17, 0))).toBe(2);
    const lapsed = { ...userinfo, loAs: [loAs[1]] };
    expect(
      normalizeIdentity('dvcqg', { userinfo: lapsed }, f.context('dvcqg', Date.UTC(2026, 5, 1, 18)))
        .level,
    ).toBe(0);
  });

  it('reads an organisation account', () => {
    const identity = organisation('standard', f.standardOrganisation);
    expect(identity.attributes.organisation).toEqual({
      name: 'Công ty TNHH Sen Vàng',
      englishName: 'Golden Lotus Co., Ltd',
      taxCode: '0101234567',
      enterpriseCode: '0101234567',
      foundedOn: '2012-06-15',
      headOffice: SEN_VANG_HEAD_OFFICE,
      representative: { name: 'Phạm Quốc Bảo', pid: f.REP_PID },
    });
  });

  it('reads a minor with a guardian', () => {
    const identity = normalizeIdentity('standard', f.standardMinor, f.context());
    expect(identity.attributes.guardian).toEqual({
      pid: f.KHOA.guardianPid,
      name: 'Nguyễn Thị Hoa',
      relationship: 'mẹ',
    });
  });

  it('reads acr, amr and auth_time from the ID token only when there is one', () => {
    const { acr: _acr, ...idToken } = f.standardL1.idToken;
    const userinfo = { sub: 'std-mai-02', acr: 'urn:dinhdanh:loa:2', amr: ['hwk'], auth_time: 1 };
    const identity = normalizeIdentity('standard', { idToken, userinfo }, f.context());
    expect([identity.level, identity.acr, identity.amr, identity.authTime]).toEqual([
      0,
      undefined,
      undefined,
      undefined,
    ]);
    const dvcqg = normalizeIdentity(
      'dvcqg',
      {
        idToken: { sub: 'dvc-5521' },
        userinfo: { ...f.dvcqgL2.userinfo, acr: 'LoA2', loAs: undefined },
      },
      f.context(),
    );
    expect(dvcqg.level).toBe(0);
  });

  it('gives level 0 for an acr the profile does not know', () => {
    const idToken = { ...f.standardL1.idToken, acr: 'urn:other:gold' };
    const identity = normalizeIdentity('standard', { idToken }, f.context());
    expect([identity.level, identity.acr]).toEqual([0, 'urn:other:gold']);
  });
});

describe('organisation accounts', () => {
  it('are level 0 whatever acr or accountLevel say', () => {
    const idToken = { ...f.standardOrganisation.idToken, acr: 'urn:dinhdanh:loa:2' };
    const standard = normalizeIdentity(
      'standard',
      { ...f.standardOrganisation, idToken },
      f.context(),
    );
    expect([standard.accountType, standard.level, standard.acr]).toEqual([
      'organisation',
      0,
      'urn:dinhdanh:loa:2',
    ]);
    const userinfo = { ...f.vneidPartnerOrganisation.userinfo, accountLevel: 2 };
    const partner = normalizeIdentity('vneid-partner', { userinfo }, f.context());
    expect([partner.accountType, partner.level]).toEqual(['organisation', 0]);
  });
});

describe('vneid-sso dialect', () => {
  it('reads a level-2 citizen from camelCase userinfo', () => {
    const identity = levelTwoCitizen('vneid-sso', f.vneidSsoL2, 'vneid', {
      subject: 'f3a1c2d4',
      acr: '2',
    });
    expect(identity.attributes).toMatchObject({
      ...MAI_CORE,
      legacyId: f.MAI.legacyId,
      phone: f.MAI.phone,
      healthInsurance: { number: f.MAI.healthInsurance },
      drivingLicence: { number: f.MAI.licence, classes: ['A1', 'B'] },
      vehicleRegistrations: [{ plate: '30A-123.45' }, { plate: '29H1-678.90' }],
      address: { permanent: { shape: '2025' }, current: { shape: 'legacy' } },
    });
  });

  it('gives level 0 without acr (accountLevel is no fallback) and reads the pid from preferred_username', () => {
    const idToken = { sub: 'f3a1c2d4', preferred_username: f.MAI.pid };
    const { citizenPid: _omit, ...userinfo } = f.vneidSsoL2.userinfo;
    const identity = normalizeIdentity('vneid-sso', { idToken, userinfo }, f.context());
    expect(identity.level).toBe(0);
    expect(identity.attributes.pid).toBe(f.MAI.pid);
  });

  it('reads an organisation with its representative', () => {
    const identity = organisation('vneid-sso', f.vneidSsoOrganisation);
    expect(identity.attributes.organisation).toMatchObject({
      name: 'Công ty TNHH Sen Vàng',
      taxCode: '0101234567',
      representative: { name: 'Phạm Quốc Bảo', pid: f.REP_PID },
    });
    expect(identity.attributes.pid).toBeUndefined();
  });

  it('reads a minor with a guardian', () => {
    const identity = normalizeIdentity('vneid-sso', f.vneidSsoMinor, f.context());
    expect(identity.level).toBe(1);
    expect(identity.attributes).toMatchObject({
      pid: f.KHOA.pid,
      birthdate: '2016-09-01',
      guardian: { pid: f.KHOA.guardianPid, name: 'Nguyễn Thị Hoa' },
    });
  });
});

describe('vneid-partner dialect', () => {
  it('takes subject and level from userinfo alone', () => {
    const identity = normalizeIdentity(
      'vneid-partner',
      f.vneidPartnerL2,
      f.context('vneid-partner'),
    );
    expect(identity).toMatchObject({ subject: f.MAI.pid, level: 2, accountType: 'citizen' });
    expect(identity.acr).toBeUndefined();
    expect(identity.attributes.phone).toBe(f.MAI.phone);
  });

  it('ignores an ID token, which this protocol does not have', () => {
    const identity = normalizeIdentity(
      'vneid-partner',
      {
        idToken: { sub: 'forged', acr: '2' },
        userinfo: { ...f.vneidPartnerL2.userinfo, accountLevel: 1 },
      },
      f.context(),
    );
    expect([identity.subject, identity.level]).toEqual([f.MAI.pid, 1]);
  });

  it('reads a foreigner (subject: foreigner ID) and an organisation (subject: tax code)', () => {
    const foreigner = normalizeIdentity('vneid-partner', f.vneidPartnerForeigner, f.context());
    expect(foreigner).toMatchObject({ subject: 'NN12345678', accountType: 'foreigner', level: 1 });
    expect(foreigner.attributes).toMatchObject({
      nationality: 'FR',
      passport: { number: '19AB12345' },
    });
    const organisation = normalizeIdentity(
      'vneid-partner',
      f.vneidPartnerOrganisation,
      f.context(),
    );
    expect(organisation).toMatchObject({
      subject: '0101234567',
      accountType: 'organisation',
      level: 0,
    });
    expect(organisation.attributes).toEqual({
      taxCode: '0101234567',
      organisation: { name: 'Công ty TNHH Sen Vàng', taxCode: '0101234567' },
    });
  });
});

describe('dvcqg dialect', () => {
  it('reads the portal PascalCase claims', () => {
    const identity = levelTwoCitizen('dvcqg', f.dvcqgL2, 'dvcqg', {
      subject: 'dvc-5521',
      acr: 'LoA2',
    });
    expect(identity.attributes).toMatchObject({
      ...MAI_CORE,
      nationality: 'VN',
      hometown: 'Xã Hải Hậu, Tỉnh Nam Định',
      taxCode: f.MAI.taxCode,
      socialInsurance: f.MAI.socialInsurance,
      phone: f.MAI.phone,
    });
  });

  it('takes the level from loAs when acr is absent (JSON string, array or object)', () => {
    expect(normalizeIdentity('dvcqg', f.dvcqgLoAsOnly, f.context()).level).toBe(2);
    const one = { ...f.dvcqgLoAsOnly.userinfo, loAs: { claim: 'SoDinhDanh', level: '1' } };
    expect(normalizeIdentity('dvcqg', { userinfo: one }, f.context()).level).toBe(1);
  });

  it('ignores loAs entries outside their validity dates', () => {
    const loAs = [
      { level: 2, validDate: '20240101', expired_date: '20250101' },
      { level: 1, validDate: '20240101', expired_date: '20991231' },
    ];
    const userinfo = { ...f.dvcqgLoAsOnly.userinfo, loAs };
    const at2026 = Date.UTC(2026, 0, 1);
    expect(normalizeIdentity('dvcqg', { userinfo }, f.context('dvcqg', at2026)).level).toBe(1);
    const at2024 = Date.UTC(2024, 5, 1);
    expect(normalizeIdentity('dvcqg', { userinfo }, f.context('dvcqg', at2024)).level).toBe(2);
    const future = { ...userinfo, loAs: [{ level: 2, validDate: '20990101' }] };
    expect(normalizeIdentity('dvcqg', { userinfo: future }, f.context('dvcqg', at2026)).level).toBe(
      0,
    );
  });

  it('reads an organisation account', () => {
    const identity = organisation('dvcqg', f.dvcqgOrganisation);
    expect(identity.attributes.organisation).toEqual({
      name: 'Công ty TNHH Sen Vàng',
      enterpriseCode: '0101234567',
      taxCode: '0101234567-001',
      headOffice: SEN_VANG_HEAD_OFFICE,
    });
  });
});

describe('postid dialect', () => {
  it('reads verification flags, authType and loAs', () => {
    const identity = normalizeIdentity('postid', f.postidL1, f.context('postid'));
    expect(identity).toMatchObject({
      subject: 'post-88',
      level: 1,
      amr: ['sms', 'otp'],
      authTime: new Date(1_790_000_000_000).toISOString(),
    });
    expect(identity.attributes).toMatchObject({
      phone: f.MAI.phone,
      phoneVerified: true,
      email: f.MAI.email,
      emailVerified: false,
    });
  });

  it('prefers acr over loAs', () => {
    const idToken = { ...f.postidL1.idToken, acr: 'LoA2' };
    expect(normalizeIdentity('postid', { ...f.postidL1, idToken }, f.context()).level).toBe(2);
  });
});
