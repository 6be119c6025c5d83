/** A demo electricity bill: the same citizen always gets the same bill, nobody's real data. */
import { createHash } from 'node:crypto';

/** What the kiosk shows before payment. */
export interface Bill {
  /** Customer code (mã khách hàng), derived from the subject: never the personal ID number itself. */
  readonly customerCode: string;
  /** Kilowatt-hours used. */
  readonly kwh: number;
  /** Amount due in đồng. */
  readonly amount: number;
}

/** The bill of the citizen with this subject. */
export function billFor(subject: string): Bill {
  const digest = createHash('sha256').update(`bill:${subject}`).digest();
  const kwh = 120 + (digest.readUInt16BE(0) % 380);
  return {
    customerCode: `PE${String(digest.readUInt32BE(2) % 10_000_000_000).padStart(10, '0')}`,
    kwh,
    amount: Math.round(kwh * 2_500),
  };
}
