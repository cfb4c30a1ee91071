import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTTP_FAMILY, LOCAL_ERRORS, SERVER_ERRORS } from './catalogue.ts';

const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
const row = (code: string) =>
  new RegExp('^\\|\\s*`' + code.replace(/[<>]/g, '\\$&') + '`\\s*\\|([^|]*)\\|', 'm');

describe('docs/errors.md', () => {
  it('has a row for every server code, with its HTTP status (or "per document" for sync rejections)', () => {
    const wrong = Object.entries(SERVER_ERRORS).flatMap(([code, { status }]) => {
      const m = row(code).exec(doc);
      const column = m?.[1]?.trim();
      return column === String(status) || (status === 422 && column === 'per document')
        ? []
        : [`${code}: ${column ?? 'no row'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('has a row for every device and package code, and for the HTTP_<status> family', () => {
    const missing = [...Object.keys(LOCAL_ERRORS), HTTP_FAMILY].filter((code) => !row(code).test(doc));
    expect(missing).toEqual([]);
  });

  it('documents no code that is not in the catalogue (a removed code leaves the docs too)', () => {
    const known = new Set<string>([...Object.keys(SERVER_ERRORS), ...Object.keys(LOCAL_ERRORS)]);
    const documented = [...doc.matchAll(/^\|\s*`(TERN_[A-Z_]+)`/gm)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((c) => !known.has(c))).toEqual([]);
  });
});
