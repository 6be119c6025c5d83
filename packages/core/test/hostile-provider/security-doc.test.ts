// docs/security.md shows the hostile provider's table of attacks and codes: generated
// from cases.ts (`UPDATE_SECURITY_DOC=1 npx vitest run security-doc`), checked here.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTACKS } from './cases';

const DOC = new URL('../../../../docs/security.md', import.meta.url);
const BEGIN =
  '<!-- attacks:begin (generated from packages/core/test/hostile-provider/cases.ts) -->';
const END = '<!-- attacks:end -->';

function table(): string {
  const rows = ATTACKS.map((c) => `| ${c.attack} | \`${c.code}\` | \`${c.path}\` |`);
  return ['| what the provider does | code | path |', '| --- | --- | --- |', ...rows].join('\n');
}

describe('docs/security.md', () => {
  it('lists every attack the hostile provider test serves, with its code and path', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const generated = `${BEGIN}\n\n${table()}\n\n${END}`;
    if (process.env['UPDATE_SECURITY_DOC'] === '1') {
      writeFileSync(DOC, doc.slice(0, start) + generated + doc.slice(end + END.length));
      return;
    }
    // Compared without table padding: prettier aligns the columns of the committed file.
    const squash = (text: string) => text.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');
    expect(squash(doc.slice(start, end + END.length))).toBe(squash(generated));
  });
});
