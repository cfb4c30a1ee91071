import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUCH_ERRORS } from '../src/routes/couch/couch-errors.ts';

describe('CouchDB door error catalogue', () => {
  it('documents every CouchDB error name, with its status, in docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const missing = Object.entries(COUCH_ERRORS).filter(
      ([name, status]) => !new RegExp('\\|\\s*`' + name + '`\\s*\\|\\s*' + status + '\\s*\\|').test(doc),
    );
    expect(missing).toEqual([]);
  });
});
