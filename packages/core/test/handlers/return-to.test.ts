import { describe, expect, it } from 'vitest';
import { errorCode, fakeRp, handlersFor, Jar, loginWith, ORIGIN } from './support';

const auth = () => handlersFor(fakeRp());

describe('returnTo accepts only same-origin relative paths', () => {
  const refused = [
    '//evil.com',
    '///evil.com',
    'https://evil.com',
    'http://bank.example.evil.com/',
    '/\\evil.com',
    '\\\\evil.com',
    '/%2F%2Fevil.com',
    '/%2f/evil.com',
    '/%5Cevil.com',
    '/%255C%255Cevil.com',
    '%2F%2Fevil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    'javascript:alert(1)',
    'evil.com',
    '',
    '/%E0%A4%A',
    `/${'a'.repeat(3000)}`,
  ];
  for (const returnTo of refused) {
    it(`refuses ${JSON.stringify(returnTo.slice(0, 30))} with return_to_invalid`, async () => {
      const rp = fakeRp();
      const handlers = handlersFor(rp);
      const response = await handlers.login(
        new Request(`${ORIGIN}/auth/login?returnTo=${encodeURIComponent(returnTo)}`),
      );
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('return_to_invalid');
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(rp.calls).toEqual([]);
    });
  }

  it('keeps a relative path with query and fragment and redirects there after the callback', async () => {
    const jar = new Jar();
    const callback = await loginWith(
      auth(),
      jar,
      `?returnTo=${encodeURIComponent('/accounts/1?tab=a#top')}`,
    );
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/accounts/1?tab=a#top');
  });

  it('normalises dot segments within the site', async () => {
    const rp = fakeRp();
    await handlersFor(rp).login(
      new Request(`${ORIGIN}/auth/login?returnTo=${encodeURIComponent('/a/../b')}`),
    );
    expect(rp.calls[0]?.args[0]).toMatchObject({ returnTo: '/b' });
  });

  it('defaults to defaultReturnTo, and refuses an external default at creation', async () => {
    const jar = new Jar();
    const callback = await loginWith(handlersFor(fakeRp(), { defaultReturnTo: '/home' }), jar);
    expect(callback.headers.get('location')).toBe('/home');
    expect(() => handlersFor(fakeRp(), { defaultReturnTo: '//evil.com' })).toThrow(
      expect.objectContaining({ code: 'return_to_invalid' }),
    );
  });
});
