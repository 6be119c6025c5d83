/**
 * Structured attributes as the standard dialect sends them (objects in the SDK's own
 * shapes), read field by field with the primitives.
 */
import { normalizeDate } from './dates';
import {
  normalizeDocumentNumber,
  normalizeDrivingLicenceNumber,
  normalizeHealthInsuranceNumber,
  normalizeLicenceClasses,
  normalizeVehiclePlate,
} from './documents';
import { invalid } from './fail';
import type {
  DrivingLicence,
  Guardian,
  HealthInsurance,
  Passport,
  VehicleRegistration,
} from './identity';
import { normalizeName } from './name';
import { normalizeNationality } from './nationality';
import { normalizePid } from './pid';
import { field, isRecord, prune, readText } from './text';

const MAX_PORTRAIT = 2_000_000;

function record(value: unknown, path: string, what: string): Record<string, unknown> {
  return isRecord(value) ? value : invalid(path, what);
}

const text = (value: unknown, path: string) => readText(value, path);

/**
 * Reads a portrait: base64 (a `data:image/jpeg;base64,` prefix is dropped), at most about
 * 1.5 MB of image.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the base64 text.
 * @throws DinhDanhError `claims_invalid` at `path` otherwise.
 */
export function normalizePortrait(value: unknown, path = 'portrait'): string {
  if (typeof value === 'string' && value.length <= MAX_PORTRAIT) {
    const b64 = value.replace(/^data:image\/[a-z]+;base64,/, '').replace(/\s/g, '');
    if (b64.length > 0 && b64.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return b64;
  }
  return invalid(path, 'a base64 image');
}

/** Reads a passport object (`number`, `type`, `country`, `issuedOn`, `expiresOn`). */
export function readPassport(value: unknown, path: string): Passport {
  if (typeof value === 'string') return { number: normalizeDocumentNumber(value, path) };
  const r = record(value, path, 'a passport object');
  return prune<Passport>({
    number:
      field(r, 'number', path, normalizeDocumentNumber) ??
      invalid(`${path}.number`, 'a passport number'),
    type: field(r, 'type', path, text),
    country: field(r, 'country', path, normalizeNationality),
    issuedOn: field(r, 'issuedOn', path, normalizeDate),
    expiresOn: field(r, 'expiresOn', path, normalizeDate),
  });
}

/** Reads a health insurance card: an object (`number`, `validFrom`, `validTo`, `hospital`) or a number. */
export function readHealthInsurance(value: unknown, path: string): HealthInsurance {
  if (!isRecord(value)) return { number: normalizeHealthInsuranceNumber(value, path) };
  return prune<HealthInsurance>({
    number:
      field(value, 'number', path, normalizeHealthInsuranceNumber) ??
      invalid(`${path}.number`, 'a health insurance card number'),
    validFrom: field(value, 'validFrom', path, normalizeDate),
    validTo: field(value, 'validTo', path, normalizeDate),
    hospital: field(value, 'hospital', path, text),
  });
}

/** Reads a driving licence object (`number`, `classes`, `issuedOn`, `expiresOn`). */
export function readDrivingLicence(value: unknown, path: string): DrivingLicence {
  const r = record(value, path, 'a driving licence object');
  return prune<DrivingLicence>({
    number:
      field(r, 'number', path, normalizeDrivingLicenceNumber) ??
      invalid(`${path}.number`, 'a driving licence number'),
    classes:
      field(r, 'classes', path, normalizeLicenceClasses) ??
      invalid(`${path}.classes`, 'driving licence classes'),
    issuedOn: field(r, 'issuedOn', path, normalizeDate),
    expiresOn: field(r, 'expiresOn', path, normalizeDate),
  });
}

/** Reads a vehicle registration: an object (`plate`, `kind`, `brand`, `registeredOn`) or a plate. */
export function readVehicleRegistration(value: unknown, path: string): VehicleRegistration {
  if (!isRecord(value)) return { plate: normalizeVehiclePlate(value, path) };
  return prune<VehicleRegistration>({
    plate:
      field(value, 'plate', path, normalizeVehiclePlate) ?? invalid(`${path}.plate`, 'a plate'),
    kind: field(value, 'kind', path, text),
    brand: field(value, 'brand', path, text),
    registeredOn: field(value, 'registeredOn', path, normalizeDate),
  });
}

/** Reads a list of vehicle registrations (an array, or a comma separated string of plates). */
export function readVehicleRegistrations(value: unknown, path: string): VehicleRegistration[] {
  const items =
    typeof value === 'string' && value.length <= 2000
      ? value.split(',').filter((p) => p.trim() !== '')
      : Array.isArray(value) && value.length <= 100
        ? value
        : invalid(path, 'a list of vehicle registrations (at most 100)');
  return items.map((item, i) => readVehicleRegistration(item, `${path}[${i}]`));
}

/** Reads a guardian object (`pid`, `name`, `relationship`, `subject`). */
export function readGuardian(value: unknown, path: string): Guardian {
  const r = record(value, path, 'a guardian object');
  const guardian = prune<Guardian>({
    pid: field(r, 'pid', path, normalizePid),
    name: field(r, 'name', path, normalizeName),
    relationship: field(r, 'relationship', path, text),
    subject: field(r, 'subject', path, text),
  });
  return Object.keys(guardian).length > 0
    ? guardian
    : invalid(path, 'a guardian with a pid or name');
}
