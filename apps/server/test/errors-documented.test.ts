import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../src/errors.ts';

describe('error catalogue', () => {
  it('documents every server error code in docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const missing = Object.keys(ERRORS).filter((code) => !doc.includes('`' + code + '`'));
    expect(missing).toEqual([]);
  });
});
