import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATCHING_ERROR_CODES } from './errors.ts';

describe('matching error catalogue', () => {
  it('documents every matching error code in the "Matching errors" table of docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const start = doc.indexOf('Matching errors');
    expect(start).toBeGreaterThan(-1);
    const table = doc.slice(start, doc.indexOf('\n\n', doc.indexOf('| code', start)));
    const missing = MATCHING_ERROR_CODES.filter(
      (code) => !new RegExp('^\\|\\s*`' + code + '`', 'm').test(table),
    );
    expect(missing).toEqual([]);
  });
});
