/** The declaration the form sends: checked at the edge, nothing kept (a demo). */

/** What the portal accepts from the form. */
export interface Declaration {
  readonly fullName: string;
  readonly taxCode: string;
  readonly year: number;
  readonly income: number;
}

const TAX_CODE = /^\d{10}(-\d{3})?$/;

/** Reads the JSON body of `POST /api/to-khai`, or says what is wrong (in Vietnamese, for the form). */
export function readDeclaration(
  body: unknown,
): { ok: true; value: Declaration } | { ok: false; message: string } {
  if (typeof body !== 'object' || body === null)
    return { ok: false, message: 'Thiếu nội dung tờ khai.' };
  const b = body as Record<string, unknown>;
  const fullName = typeof b.fullName === 'string' ? b.fullName.trim() : '';
  const taxCode = typeof b.taxCode === 'string' ? b.taxCode.trim() : '';
  const year = Number(b.year);
  const income = Number(b.income);
  if (fullName === '') return { ok: false, message: 'Họ và tên là bắt buộc.' };
  if (!TAX_CODE.test(taxCode)) return { ok: false, message: 'Mã số thuế gồm 10 chữ số.' };
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    return { ok: false, message: 'Năm tính thuế không hợp lệ.' };
  if (!Number.isFinite(income) || income < 0)
    return { ok: false, message: 'Tổng thu nhập chịu thuế không hợp lệ.' };
  return { ok: true, value: { fullName, taxCode, year, income } };
}
