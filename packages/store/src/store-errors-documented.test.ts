import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORE_ERROR_CODES } from './errors.ts';

describe('store error catalogue', () => {
  it('documents every store error code in the "Store errors" table of docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('Store errors'), doc.indexOf('Forms errors'));
    const missing = STORE_ERROR_CODES.filter(
      (code) => !new RegExp('^\\|\\s*`' + code + '`', 'm').test(table),
    );
    expect(missing).toEqual([]);
  });
});
