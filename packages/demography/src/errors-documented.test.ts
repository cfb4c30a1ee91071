import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMOGRAPHY_ERROR_CODES } from './errors.ts';

describe('demography error catalogue', () => {
  it('documents every demography error code in the "Demography errors" table of docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const start = doc.indexOf('Demography errors');
    expect(start).toBeGreaterThan(-1);
    const table = doc.slice(start, doc.indexOf('\n\n', doc.indexOf('| code', start)));
    const missing = DEMOGRAPHY_ERROR_CODES.filter(
      (code) => !new RegExp('^\\|\\s*`' + code + '`', 'm').test(table),
    );
    expect(missing).toEqual([]);
  });
});
