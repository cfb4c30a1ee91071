import { describe, expect, it } from 'vitest';
import { run } from './expr-test-helpers.ts';
import { parseIsoDate, toStr } from './values.ts';

describe('comparison operators', () => {
  it.each([
    ['${n} = 3', true],
    ['${n} != 3', false],
    ['${n} < 4', true],
    ['${n} <= 3', true],
    ['${n} > 3', false],
    ['${n} >= 3', true],
    ["${s} = 'abc'", true],
    ["${s} != 'abc'", false],
    ["${e} = ''", true],
    ["'3' = 3", true],
    ["'3.0' = 3", true],
    ["'3.0' = '3'", false],
    ["'a' < 'b'", false], // XPath converts both sides to numbers: NaN < NaN
    ['${e} > 18', false], // an empty answer is NaN, never greater
    ['${e} < 18', false],
    ['true() = 1', true],
    ["false() = ''", true],
  ])('%s → %s', (src, want) => {
    expect(run(src, { n: 3, s: 'abc', e: '' })).toBe(want);
  });
  it('compares node-sets existentially', () => {
    expect(run("${items} = 'b'", { items: ['a', 'b'] })).toBe(true);
    expect(run("${items} != 'a'", { items: ['a', 'b'] })).toBe(true);
    expect(run("${items} = 'z'", { items: ['a', 'b'] })).toBe(false);
  });
  it('compares dates by day, also against date strings', () => {
    const d = { d: parseIsoDate('2024-03-10')! };
    expect(run('${d} < today()', d)).toBe(true);
    expect(run('${d} > today()', d)).toBe(false);
    expect(run("${d} = '2024-03-10'", d)).toBe(true);
    expect(run("${d} >= '2024-03-11'", d)).toBe(false);
    expect(run("${d} > 'not a date'", d)).toBe(false);
  });
});

describe('logical operators', () => {
  it.each([
    ['1 and 0', false],
    ["1 and 'x'", true],
    ["0 or ''", false],
    ["0 or 'x'", true],
    ['not(0)', true],
    ["not('')", true],
    ["not('false')", false], // a non-empty string is true in XPath
  ])('%s → %s', (src, want) => {
    expect(run(src)).toBe(want);
  });
  it('short-circuits: the right side is not evaluated', () => {
    // regex with a runtime-invalid pattern would return false, not throw; use a value that proves order
    expect(run('false() and 1 div 0 = 1 div 0')).toBe(false);
    expect(run('true() or 1 div 0 = 1 div 0')).toBe(true);
  });
});

describe('arithmetic', () => {
  it.each([
    ['7 + 2', 9],
    ['7 - 2', 5],
    ['7 * 2', 14],
    ['7 div 2', 3.5],
    ['7 mod 3', 1],
    ['-7 mod 3', -1],
    ['7 mod -3', 1],
    ['-(2 + 3)', -5],
    ["'4' + 1", 5],
    ['true() + 1', 2],
  ])('%s = %s', (src, want) => {
    expect(run(src)).toBe(want);
  });
  it('gives NaN and infinities as XPath does', () => {
    expect(run("'' + 1")).toBeNaN();
    expect(run("'1e3' + 1")).toBeNaN(); // no exponents in XPath numbers
    expect(run('1 div 0')).toBe(Infinity);
    expect(toStr(run('0 div 0'))).toBe('NaN');
  });
  it('subtracts dates to a number of days', () => {
    expect(run("today() - date('2024-03-01')")).toBe(14);
    expect(run("today() + 1 - date('2024-03-15')")).toBe(1);
  });
});
