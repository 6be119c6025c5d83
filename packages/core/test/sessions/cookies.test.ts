import { parseSetCookie } from 'cookie';
import { describe, expect, it } from 'vitest';
import {
  clearChunkedCookie,
  COOKIE_CHUNK_SIZE,
  readChunkedCookie,
  requestCookies,
  writeChunkedCookie,
} from '../../src/sessions/cookies';

const secure = { secure: true, path: '/' };

function written(headers: Headers) {
  return headers.getSetCookie().map((header) => parseSetCookie(header));
}

describe('chunked cookies', () => {
  it('round-trips a value of any size up to ten chunks', () => {
    for (const size of [1, COOKIE_CHUNK_SIZE, COOKIE_CHUNK_SIZE + 1, COOKIE_CHUNK_SIZE * 10]) {
      const value = 'x'.repeat(size);
      const headers = new Headers();
      writeChunkedCookie(headers, {}, 'n', value, secure, 60);
      const jar = Object.fromEntries(written(headers).map((c) => [c.name, c.value]));
      expect(readChunkedCookie(jar, 'n')).toBe(value);
    }
  });

  it('refuses more than ten chunks with config_invalid', () => {
    expect(() =>
      writeChunkedCookie(
        new Headers(),
        {},
        'n',
        'x'.repeat(COOKIE_CHUNK_SIZE * 10 + 1),
        secure,
        60,
      ),
    ).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });

  it('reads chunks only up to the first gap', () => {
    expect(readChunkedCookie({ 'n.0': 'a', 'n.1': 'b', 'n.3': 'd' }, 'n')).toBe('ab');
    expect(readChunkedCookie({ 'n.1': 'b' }, 'n')).toBeUndefined();
    expect(readChunkedCookie({ n: '' }, 'n')).toBeUndefined();
  });

  it('clears the plain cookie and every chunk the request carried, and nothing else', () => {
    const headers = new Headers();
    clearChunkedCookie(headers, { 'n.0': 'a', 'n.1': 'b', 'n.x': 'c', other: 'd' }, 'n', secure);
    expect(written(headers).map((c) => [c.name, c.maxAge])).toEqual([
      ['n', 0],
      ['n.0', 0],
      ['n.1', 0],
    ]);
  });

  it('parses the Cookie header with the cookie library (first value of a duplicate wins)', () => {
    const request = new Request('https://bank.example/', {
      headers: { cookie: 'a=1; b=x%20y; a=2' },
    });
    expect(requestCookies(request)).toEqual({ a: '1', b: 'x y' });
    expect(requestCookies(new Request('https://bank.example/'))).toEqual({});
  });
});
