import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESEARCH_ERROR_CODES } from './errors.ts';

describe('research error catalogue', () => {
  it('documents every research error code in the "Research errors" table of docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const start = doc.indexOf('Research errors');
    expect(start).toBeGreaterThan(-1);
    const table = doc.slice(start, doc.indexOf('\n## ', start));
    const missing = RESEARCH_ERROR_CODES.filter(
      (code) => !new RegExp('^\\|\\s*`' + code + '`', 'm').test(table),
    );
    expect(missing).toEqual([]);
  });
});
