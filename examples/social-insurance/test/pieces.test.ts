/** The app's own pieces: the minors' store, the age rule, escaping, card validity. */
import { describe, expect, it } from 'vitest';
import type { LoginResult, Session } from '@dinhdanh/core';
import { ageOn, minorRecordOf, minorRecords, type MinorRecord } from '../src/minors';
import { html } from '../src/views/html';
import { cardValidity, vietnameseDate } from '../src/views/record';

const DAY = 86_400_000;

function session(id: string, expiresAt: number, pid = '031188006789'): Session {
  return {
    id,
    sub: `sub-${id}`,
    issuer: 'http://127.0.0.1:9400',
    level: 2,
    createdAt: 0,
    expiresAt,
    identity: {
      subject: `sub-${id}`,
      issuer: 'http://127.0.0.1:9400',
      provider: 'oidc',
      accountType: 'citizen',
      level: 2,
      attributes: { pid },
    },
  };
}

function record(subject: string): MinorRecord {
  return { subject, name: `Con ${subject}`, granted: ['name'] };
}

describe('minorRecords', () => {
  it('keeps one record per child, until the session expires or is forgotten', () => {
    let now = 1_000;
    const store = minorRecords(() => now);
    const guardian = session('session-0123456789', now + DAY);
    store.keep(guardian, record('a'));
    store.keep(guardian, record('b'));
    store.keep(guardian, record('a'));
    expect(store.of(guardian).map((r) => r.subject)).toEqual(['b', 'a']);
    expect(store.of(session('another-0123456789', now + DAY))).toEqual([]);
    now += DAY;
    expect(store.of(guardian)).toEqual([]);
    const next = session('session-1123456789', now + DAY);
    store.keep(next, record('a'));
    store.forget(next.id);
    expect(store.of(next)).toEqual([]);
  });

  it('is bounded in sessions and in children per session', () => {
    const store = minorRecords(() => 0, { maxSessions: 2, maxChildren: 2 });
    const sessions = [0, 1, 2].map((i) => session(`session-${i}-0123456789`, DAY));
    for (const s of sessions) store.keep(s, record('a'));
    expect(sessions.map((s) => store.of(s).length)).toEqual([0, 1, 1]);
    for (const child of ['x', 'y', 'z']) store.keep(sessions[2]!, record(child));
    expect(store.of(sessions[2]!).map((r) => r.subject)).toEqual(['y', 'z']);
  });
});

describe('the age rule', () => {
  it('counts full years', () => {
    expect(ageOn('2012-09-10', '2026-09-09')).toBe(13);
    expect(ageOn('2012-09-10', '2026-09-10')).toBe(14);
  });

  it('a child of 14 or more is not linked, even when the account names the guardian', () => {
    const guardian = session('session-0123456789', DAY);
    const result = {
      identity: {
        subject: 'child',
        attributes: {
          name: { full: 'Phạm Minh Khang' },
          birthdate: '2012-09-10',
          guardian: { pid: '031188006789', relationship: 'mẹ' },
        },
      },
      consent: { granted: ['name', 'birthdate', 'guardian'] },
    } as unknown as LoginResult;
    const on = (date: string) => minorRecordOf(result, guardian, Date.parse(`${date}T00:00:00Z`));
    expect(on('2026-09-09')).toMatchObject({ name: 'Phạm Minh Khang', relationship: 'mẹ' });
    expect(on('2026-09-10')).toBe('not-a-minor');
    // Vietnam's date: 17:00 UTC the day before is already the birthday there.
    expect(minorRecordOf(result, guardian, Date.parse('2026-09-09T17:00:00Z'))).toBe('not-a-minor');
    expect(minorRecordOf(result, session('s-0123456789abcdef', DAY, '001085012345'), 0)).toBe(
      'not-the-guardian',
    );
  });
});

describe('views', () => {
  it('html escapes every value but nested templates', () => {
    const name = '<script>alert("x")</script>';
    expect(
      html`<p title="${name}">${name}${html`<b>ok</b>`}${undefined}${null}${[1, '&']}</p>`.value,
    ).toBe(
      '<p title="&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;">&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;<b>ok</b>1&#38;</p>',
    );
  });

  it('dates as Vietnamese write them, and the card validity on a given day', () => {
    expect(vietnameseDate('2026-01-31')).toBe('31/01/2026');
    const card = { number: 'TE1313112345678', validFrom: '2026-01-01', validTo: '2027-12-31' };
    expect(cardValidity(card, '2026-06-01')).toBe('Từ 01/01/2026 đến 31/12/2027 (còn hạn)');
    expect(cardValidity(card, '2028-01-01')).toBe('Từ 01/01/2026 đến 31/12/2027 (đã hết hạn)');
    expect(cardValidity(card, '2025-12-31')).toBe(
      'Từ 01/01/2026 đến 31/12/2027 (chưa có hiệu lực)',
    );
    expect(cardValidity({ number: card.number }, '2026-06-01')).toBe('Không có thông tin');
  });
});
