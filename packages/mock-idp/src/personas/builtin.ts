/**
 * The built-in synthetic personas. Every person here is invented: names are common
 * Vietnamese names, personal ID numbers have a valid structure (province code, century
 * and gender digit, birth year) but random serial digits, and documents are made up.
 */
import type { PersonaInput } from './schema';

/** A 1×1 JPEG, enough to exercise the portrait attribute. */
const PORTRAIT =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';

const AN_PID = '001085012345';
const DUNG_PID = '031188006789';

/** The home of Phạm Thị Dung (`guardian`) and her son Khang (`child`), in the 2025 shape. */
const DUNG_HOME = {
  shape: '2025',
  formatted: 'Số 20 Đường Lạch Tray, Phường Gia Viên, Hải Phòng',
  street: 'Số 20 Đường Lạch Tray',
  ward: 'Phường Gia Viên',
  province: 'Hải Phòng',
  country: 'VN',
} as const;

/** Vietnam's calendar year at `now` (UTC+7, no daylight saving). */
function vietnamYear(now: number): number {
  return new Date(now + 7 * 3_600_000).getUTCFullYear();
}

/**
 * Dates that must not expire: a health insurance card valid from 1 January of the clock's
 * year to 31 December of the next, and the child ten years old on the clock's date (so he
 * stays under 14 whatever the clock says), with a personal ID number whose century, gender
 * and year digits match that birth date.
 */
function relativeDates(now: number) {
  const year = vietnamYear(now);
  const childYear = year - 10;
  const centuryDigit = (Math.floor(childYear / 100) - 19) * 2; // male
  return {
    card: { validFrom: `${year}-01-01`, validTo: `${year + 1}-12-31` },
    childBirthdate: `${childYear}-09-10`,
    childPid: `031${centuryDigit}${String(childYear % 100).padStart(2, '0')}003456`,
  };
}

/**
 * The built-in personas, in picker order, with validity dates and ages relative to `now`
 * (the mock's clock, epoch milliseconds): nothing in them expires or grows up.
 */
export function builtinPersonas(now: number): readonly PersonaInput[] {
  const { card, childBirthdate, childPid } = relativeDates(now);
  return [
    {
      id: 'citizen-l2',
      description: {
        vi: 'công dân mức 2, đủ giấy tờ tích hợp',
        en: 'level 2 citizen with every integrated document',
      },
      level: 2,
      accountType: 'citizen',
      amr: ['pwd', 'otp', 'face'],
      authType: 'SMART_OTP',
      attributes: {
        pid: AN_PID,
        legacyId: '012345678',
        name: { full: 'Nguyễn Văn An', family: 'Nguyễn', middle: 'Văn', given: 'An' },
        birthdate: '1985-03-14',
        gender: 'male',
        nationality: 'VN',
        ethnicity: 'Kinh',
        hometown: 'Xã Phù Đổng, Hà Nội',
        phone: '+84912345678',
        phoneVerified: true,
        email: 'an.nguyen@example.com',
        emailVerified: true,
        address: {
          permanent: {
            shape: '2025',
            formatted: 'Số 12 Phố Huế, Phường Hai Bà Trưng, Hà Nội',
            street: 'Số 12 Phố Huế',
            ward: 'Phường Hai Bà Trưng',
            province: 'Hà Nội',
            country: 'VN',
          },
          current: {
            shape: 'legacy',
            formatted: 'Số 5 Ngõ 34 Láng Hạ, Phường Láng Hạ, Quận Đống Đa, Hà Nội',
            street: 'Số 5 Ngõ 34 Láng Hạ',
            ward: 'Phường Láng Hạ',
            district: 'Quận Đống Đa',
            province: 'Hà Nội',
            country: 'VN',
          },
        },
        portrait: PORTRAIT,
        taxCode: '8012345678',
        socialInsurance: '0112345678',
        healthInsurance: {
          number: 'GD4010112345678',
          ...card,
          hospital: 'Bệnh viện Bạch Mai',
        },
        drivingLicence: {
          number: '010123456789',
          classes: ['A1', 'B2'],
          issuedOn: '2015-06-01',
          expiresOn: '2035-06-01',
        },
        vehicleRegistrations: [
          { plate: '29A-123.45', kind: 'ô tô', brand: 'VinFast', registeredOn: '2022-04-10' },
          { plate: '29B1-234.56', kind: 'xe máy', brand: 'Honda', registeredOn: '2012-08-20' },
        ],
      },
    },
    {
      id: 'citizen-l1',
      description: {
        vi: 'công dân mức 1',
        en: 'level 1 citizen',
      },
      level: 1,
      accountType: 'citizen',
      amr: ['pwd', 'otp'],
      authType: 'SMS_OTP',
      attributes: {
        pid: '079192004567',
        name: { full: 'Trần Thị Bình', family: 'Trần', middle: 'Thị', given: 'Bình' },
        birthdate: '1992-07-02',
        gender: 'female',
        nationality: 'VN',
        phone: '+84387654321',
        phoneVerified: true,
        email: 'binh.tran@example.com',
        emailVerified: false,
      },
    },
    {
      id: 'citizen-l2-no-contact',
      description: {
        vi: 'công dân mức 2, không có điện thoại và thư điện tử',
        en: 'level 2 citizen with no phone number or e-mail address',
      },
      level: 2,
      accountType: 'citizen',
      amr: ['pwd', 'face'],
      attributes: {
        pid: '048078001234',
        legacyId: '201234567',
        name: { full: 'Lê Văn Cường', family: 'Lê', middle: 'Văn', given: 'Cường' },
        birthdate: '1978-11-20',
        gender: 'male',
        nationality: 'VN',
        ethnicity: 'Kinh',
        hometown: 'Xã Hòa Vang, Đà Nẵng',
        address: {
          permanent: {
            shape: '2025',
            formatted: 'Số 8 Đường Bạch Đằng, Phường Hải Châu, Đà Nẵng',
            street: 'Số 8 Đường Bạch Đằng',
            ward: 'Phường Hải Châu',
            province: 'Đà Nẵng',
            country: 'VN',
          },
        },
        taxCode: '0412345678',
      },
    },
    {
      id: 'guardian',
      description: {
        vi: 'công dân mức 2, người giám hộ',
        en: 'level 2 citizen, a guardian',
      },
      level: 2,
      accountType: 'citizen',
      amr: ['pwd', 'otp', 'face'],
      attributes: {
        pid: DUNG_PID,
        name: { full: 'Phạm Thị Dung', family: 'Phạm', middle: 'Thị', given: 'Dung' },
        birthdate: '1988-05-05',
        gender: 'female',
        nationality: 'VN',
        ethnicity: 'Kinh',
        phone: '+84901234567',
        phoneVerified: true,
        email: 'dung.pham@example.com',
        emailVerified: true,
        address: {
          permanent: DUNG_HOME,
        },
        socialInsurance: '3112345678',
      },
    },
    {
      id: 'child',
      description: {
        vi: 'trẻ em dưới 14 tuổi (tài khoản do mẹ đăng ký)',
        en: 'child under 14 (account registered by the mother)',
      },
      level: 2,
      accountType: 'citizen',
      amr: ['pwd'],
      attributes: {
        pid: childPid,
        name: { full: 'Phạm Minh Khang', family: 'Phạm', middle: 'Minh', given: 'Khang' },
        birthdate: childBirthdate,
        gender: 'male',
        nationality: 'VN',
        ethnicity: 'Kinh',
        address: {
          permanent: DUNG_HOME,
        },
        healthInsurance: {
          number: 'TE1313112345678',
          ...card,
        },
        guardian: { pid: DUNG_PID, name: 'Phạm Thị Dung', relationship: 'mẹ' },
      },
    },
    {
      id: 'foreigner-l1',
      description: {
        vi: 'người nước ngoài mức 1',
        en: 'level 1 foreign national',
      },
      level: 1,
      accountType: 'foreigner',
      amr: ['pwd', 'otp'],
      attributes: {
        foreignerId: 'US2024000123',
        name: { full: 'John Smith', family: 'Smith', given: 'John' },
        birthdate: '1980-01-15',
        gender: 'male',
        nationality: 'US',
        phone: '+84933111222',
        phoneVerified: true,
        email: 'john.smith@example.com',
        emailVerified: true,
      },
    },
    {
      id: 'foreigner-l2',
      description: {
        vi: 'người nước ngoài mức 2, hộ chiếu',
        en: 'level 2 foreign national, passport',
      },
      level: 2,
      accountType: 'foreigner',
      amr: ['pwd', 'otp', 'face'],
      attributes: {
        foreignerId: 'JP2023004567',
        name: { full: 'Yamada Hanako', family: 'Yamada', given: 'Hanako' },
        birthdate: '1990-04-22',
        gender: 'female',
        nationality: 'JP',
        phone: '+84944555666',
        phoneVerified: true,
        passport: {
          number: 'TK1234567',
          type: 'P',
          country: 'JP',
          issuedOn: '2021-03-01',
          expiresOn: '2031-03-01',
        },
        address: {
          current: {
            shape: '2025',
            formatted: 'Số 1 Đường Lê Thánh Tôn, Phường Sài Gòn, Hồ Chí Minh',
            street: 'Số 1 Đường Lê Thánh Tôn',
            ward: 'Phường Sài Gòn',
            province: 'Hồ Chí Minh',
            country: 'VN',
          },
        },
      },
    },
    {
      id: 'organisation',
      description: {
        vi: 'công ty phần mềm, người đại diện Nguyễn Văn An',
        en: 'software company represented by Nguyễn Văn An',
      },
      level: 0,
      accountType: 'organisation',
      amr: ['pwd', 'otp'],
      attributes: {
        taxCode: '0101234567',
        email: 'lienhe@senvang.example.com',
        organisation: {
          name: 'Công ty TNHH Phần mềm Sen Vàng',
          englishName: 'Sen Vang Software Co., Ltd.',
          taxCode: '0101234567',
          enterpriseCode: '0101234567',
          foundedOn: '2015-10-01',
          headOffice: {
            shape: '2025',
            formatted: 'Số 99 Phố Duy Tân, Phường Cầu Giấy, Hà Nội',
            street: 'Số 99 Phố Duy Tân',
            ward: 'Phường Cầu Giấy',
            province: 'Hà Nội',
            country: 'VN',
          },
          representative: { name: 'Nguyễn Văn An', pid: AN_PID },
        },
      },
    },
    {
      id: 'locked',
      description: {
        vi: 'công dân mức 2, khoá theo yêu cầu của chủ tài khoản',
        en: 'level 2 citizen, locked at the owner’s request',
      },
      level: 2,
      accountType: 'citizen',
      locked: true,
      lockedReason:
        'Tài khoản định danh điện tử này đã bị khóa (theo yêu cầu của chủ tài khoản). / This e-identity account is locked (at the owner’s request).',
      attributes: {
        pid: '040070009876',
        name: { full: 'Đỗ Văn Em', family: 'Đỗ', middle: 'Văn', given: 'Em' },
        birthdate: '1970-02-28',
        gender: 'male',
        nationality: 'VN',
      },
    },
  ];
}

/**
 * The built-in personas as of when this module loaded (wall clock).
 * @deprecated Use {@link builtinPersonas} with the mock's clock; dates here are relative to the import time.
 */
export const BUILTIN_PERSONAS: readonly PersonaInput[] = builtinPersonas(Date.now());
