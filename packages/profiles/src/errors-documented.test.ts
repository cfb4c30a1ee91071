import { readFileSync } from 'node:fs';
import { LOCAL_ERRORS } from '@tern/api';
import { describe, expect, it } from 'vitest';
import { PROFILE_ERROR_CODES } from './errors.ts';

describe('profile error catalogue', () => {
  it('documents every profile error code in the "Profile errors" table of docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const start = doc.indexOf('Profile errors');
    expect(start).toBeGreaterThan(-1);
    const table = doc.slice(start, doc.indexOf('\n\n', doc.indexOf('| code', start)));
    const missing = PROFILE_ERROR_CODES.filter(
      (code) => !new RegExp('^\\|\\s*`' + code + '`', 'm').test(table),
    );
    expect(missing).toEqual([]);
  });

  it('has every profile error code in the API catalogue', () => {
    expect(PROFILE_ERROR_CODES.filter((c) => !(c in LOCAL_ERRORS))).toEqual([]);
  });
});
