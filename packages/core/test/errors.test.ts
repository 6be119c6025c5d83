import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DinhDanhError, ERROR_CODES, isDinhDanhError } from '@dinhdanh/core';

describe('DinhDanhError', () => {
  it('carries a stable code, a status from the code, a path and the cause', () => {
    const cause = new Error('underlying');
    const error = new DinhDanhError('claims_invalid', 'birthdate is not a date', {
      cause,
      path: 'birthdate',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DinhDanhError');
    expect(error.code).toBe('claims_invalid');
    expect(error.status).toBe(422);
    expect(error.path).toBe('birthdate');
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      code: 'claims_invalid',
      status: 422,
      message: 'birthdate is not a date',
      path: 'birthdate',
    });
  });

  it('keeps a field path in `path`, and redacts anything else', () => {
    const path = (value: string) => new DinhDanhError('input_invalid', 'x', { path: value }).path;
    expect(path('verified_claims.claims.address.locality')).toBe(
      'verified_claims.claims.address.locality',
    );
    expect(path('documents[0].number')).toBe('documents[0].number');
    expect(path('userinfo.NgayThangNamSinh')).toBe('userinfo.NgayThangNamSinh');
    expect(path('001090012345')).toBe('[redacted]');
    expect(path('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.')).toBe('[redacted]');
    expect(path('Nguyễn Văn A')).toBe('[redacted]');
    expect(path('a.b.0901234567')).toBe('[redacted]');
    expect(new DinhDanhError('input_invalid', 'x', { path: '' }).path).toBeUndefined();
  });

  it('lets a caller override the status', () => {
    expect(new DinhDanhError('provider_error', 'x', { status: 504 }).status).toBe(504);
  });

  it('is recognised by isDinhDanhError, with or without a code', () => {
    const error = new DinhDanhError('state_mismatch', 'x');
    expect(isDinhDanhError(error)).toBe(true);
    expect(isDinhDanhError(error, 'state_mismatch')).toBe(true);
    expect(isDinhDanhError(error, 'nonce_mismatch')).toBe(false);
    expect(isDinhDanhError(new Error('x'))).toBe(false);
    expect(isDinhDanhError('state_mismatch')).toBe(false);
  });
});

describe('docs/errors.md', () => {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^\|\s*`([a-z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [
    m[1],
    Number(m[2]),
  ]);

  it('documents every code with its status, and no code that does not exist', () => {
    expect(Object.fromEntries(documented)).toEqual(ERROR_CODES);
    expect(documented.length).toBe(Object.keys(ERROR_CODES).length);
  });
});
