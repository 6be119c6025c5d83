import { describe, expect, it } from 'vitest';
import { redact } from '@dinhdanh/core';

const jwt =
  'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIwMDEwOTAwMTIzNDUifQ.MEUCIQDx3v2abcdEFGH_ijklmnop-qrstuv';

describe('redact', () => {
  it('keeps the last 3 digits of a personal ID number and of a legacy CMND', () => {
    expect(redact('pid 001090012345 cmnd 012345678')).toBe('pid *********345 cmnd ******678');
  });

  it('masks Vietnamese phone numbers in every written form', () => {
    expect(redact('0912345678')).toBe('*******678');
    expect(redact('+84912345678')).toBe('+********678');
    expect(redact('gọi 091 234 5678 nhé')).toBe('gọi *******678 nhé');
  });

  it('masks the local part of e-mail addresses', () => {
    expect(redact('mail nguyen.van.an@example.vn')).toBe('mail n***@example.vn');
  });

  it('removes JWTs and bearer credentials whole', () => {
    expect(redact(`token=${jwt}`)).toBe('token=[redacted jwt]');
    expect(redact('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer [redacted]');
  });

  it('walks objects, arrays and errors without changing the input', () => {
    const input = {
      identity: { pid: '001090012345', phone: '0912345678', name: 'Nguyễn Văn An' },
      tokens: { access_token: 'opaque-secret', id_token: jwt },
      list: ['001090012345', 7],
      error: new Error('bad pid 001090012345'),
      numericPid: 1090012345, // 001090012345 after JSON lost the zeros
      count: 12345,
    };
    const out = redact(input) as Record<string, unknown>;
    expect(out).toEqual({
      identity: { pid: '*********345', phone: '*******678', name: 'Nguyễn Văn An' },
      tokens: { access_token: '[redacted]', id_token: '[redacted]' },
      list: ['*********345', 7],
      error: { name: 'Error', message: 'bad pid *********345' },
      numericPid: '[redacted]',
      count: 12345,
    });
    expect(input.identity.pid).toBe('001090012345');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { pid: '001090012345' };
    a['self'] = a;
    const out = redact(a) as Record<string, unknown>;
    expect(out['pid']).toBe('*********345');
    expect(out['self']).toBe(out);
  });

  it('leaves dates, booleans and short numbers alone', () => {
    const at = new Date(0);
    expect(redact({ at, ok: true, level: 2 })).toEqual({ at, ok: true, level: 2 });
  });
});
