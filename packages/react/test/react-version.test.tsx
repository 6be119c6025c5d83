import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

describe('React version under test', () => {
  it('is the one this project runs (19 here, 18 in the react18 project)', () => {
    const expected = process.env.EXPECTED_REACT_MAJOR;
    expect(expected).toMatch(/^1[89]$/);
    expect(version.split('.')[0]).toBe(expected);
    expect(domVersion.split('.')[0]).toBe(expected);
  });
});
