/**
 * The vocabulary of citizen attributes a relying party can ask for, with their labels
 * (Vietnamese first) and whether personal data law counts them as sensitive. The mock
 * identity provider's consent screen, core's consent record and the React components
 * all read this one catalogue.
 */

/** The name of an attribute of an e-identity, as used in `startLogin({ claims })` and consent records. */
export type AttributeName =
  | 'pid'
  | 'legacyId'
  | 'name'
  | 'birthdate'
  | 'gender'
  | 'nationality'
  | 'ethnicity'
  | 'hometown'
  | 'phone'
  | 'email'
  | 'address'
  | 'portrait'
  | 'passport'
  | 'foreignerId'
  | 'taxCode'
  | 'socialInsurance'
  | 'healthInsurance'
  | 'drivingLicence'
  | 'vehicleRegistrations'
  | 'organisation'
  | 'guardian';

/** What the SDK knows about one attribute. */
export interface AttributeInfo {
  /** Sensitive attributes need a `purpose` in the login request (Decree 13/2023, Law 91/2025). */
  readonly sensitive: boolean;
  /** Label for consent screens. */
  readonly label: { readonly vi: string; readonly en: string };
}

/**
 * Every attribute with its labels and sensitivity.
 *
 * @example
 * ```ts
 * ATTRIBUTES.healthInsurance.label.vi; // 'Thẻ bảo hiểm y tế'
 * ATTRIBUTES.healthInsurance.sensitive; // true
 * ```
 */
export const ATTRIBUTES = {
  pid: { sensitive: false, label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' } },
  legacyId: { sensitive: false, label: { vi: 'Số CMND cũ', en: 'Old ID card number (CMND)' } },
  name: { sensitive: false, label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' } },
  birthdate: { sensitive: false, label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' } },
  gender: { sensitive: false, label: { vi: 'Giới tính', en: 'Gender' } },
  nationality: { sensitive: false, label: { vi: 'Quốc tịch', en: 'Nationality' } },
  ethnicity: { sensitive: true, label: { vi: 'Dân tộc', en: 'Ethnicity' } },
  hometown: { sensitive: false, label: { vi: 'Quê quán', en: 'Place of origin' } },
  phone: { sensitive: false, label: { vi: 'Số điện thoại', en: 'Phone number' } },
  email: { sensitive: false, label: { vi: 'Thư điện tử', en: 'E-mail address' } },
  address: { sensitive: false, label: { vi: 'Nơi thường trú, nơi ở hiện tại', en: 'Addresses' } },
  portrait: { sensitive: true, label: { vi: 'Ảnh chân dung', en: 'Portrait photo' } },
  passport: { sensitive: true, label: { vi: 'Hộ chiếu', en: 'Passport' } },
  foreignerId: {
    sensitive: false,
    label: { vi: 'Số định danh người nước ngoài', en: 'Foreigner ID number' },
  },
  taxCode: { sensitive: false, label: { vi: 'Mã số thuế', en: 'Tax code' } },
  socialInsurance: {
    sensitive: true,
    label: { vi: 'Mã số bảo hiểm xã hội', en: 'Social insurance number' },
  },
  healthInsurance: {
    sensitive: true,
    label: { vi: 'Thẻ bảo hiểm y tế', en: 'Health insurance card' },
  },
  drivingLicence: { sensitive: true, label: { vi: 'Giấy phép lái xe', en: 'Driving licence' } },
  vehicleRegistrations: {
    sensitive: true,
    label: { vi: 'Đăng ký xe', en: 'Vehicle registrations' },
  },
  organisation: { sensitive: false, label: { vi: 'Thông tin tổ chức', en: 'Organisation' } },
  guardian: { sensitive: true, label: { vi: 'Người giám hộ', en: 'Guardian' } },
} as const satisfies Record<AttributeName, AttributeInfo>;

/** All attribute names, in catalogue order. */
export const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTES) as AttributeName[];

/** Whether an attribute is sensitive (needs a purpose to be requested). */
export function isSensitiveAttribute(name: AttributeName): boolean {
  return ATTRIBUTES[name].sensitive;
}
