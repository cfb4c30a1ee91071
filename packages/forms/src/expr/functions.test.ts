import { describe, expect, it } from 'vitest';
import { errorOf, run } from './expr-test-helpers.ts';
import { parseIsoDate, toStr } from './values.ts';

const sm = { sm: 'ForcedLabour SexualExploitation', empty: '' };

describe('select functions', () => {
  it('selected() tests one choice of a space-separated answer', () => {
    expect(run("selected(${sm}, 'ForcedLabour')", sm)).toBe(true);
    expect(run("selected(${sm}, 'Forced')", sm)).toBe(false);
    expect(run("selected(${empty}, 'ForcedLabour')", sm)).toBe(false);
  });
  it('count-selected() and selected-at()', () => {
    expect(run('count-selected(${sm})', sm)).toBe(2);
    expect(run('count-selected(${empty})', sm)).toBe(0);
    expect(run('selected-at(${sm}, 1)', sm)).toBe('SexualExploitation');
    expect(run('selected-at(${sm}, 5)', sm)).toBe('');
  });
});

describe('control and logic functions', () => {
  it('if() evaluates only the chosen branch', () => {
    expect(run("if(${n} > 1, 'big', 'small')", { n: 5 })).toBe('big');
    expect(run("if(${n} > 1, 'big', 'small')", { n: 0 })).toBe('small');
  });
  it('coalesce() takes the first non-empty', () => {
    expect(run("coalesce(${e}, 'x')", { e: '' })).toBe('x');
    expect(run("coalesce('a', 'x')")).toBe('a');
  });
  it('true(), false(), boolean()', () => {
    expect(run('true()')).toBe(true);
    expect(run('false()')).toBe(false);
    expect(run("boolean('0')")).toBe(true);
    expect(run('boolean(0)')).toBe(false);
  });
});

describe('string functions', () => {
  it.each([
    ["concat('a', 1, true())", 'a1true'],
    ["string-length('héllo')", 5],
    ["string-length('')", 0],
    ["contains('trafficking', 'fick')", true],
    ["contains('trafficking', 'x')", false],
    ["starts-with('Recruitment', 'Rec')", true],
    ["ends-with('Recruitment', 'ment')", true],
    ["substr('abcdef', 2)", 'cdef'],
    ["substr('abcdef', 1, 3)", 'bc'],
    ["substring-before('a-b', '-')", 'a'],
    ["substring-after('a-b', '-')", 'b'],
    ["normalize-space('  a   b ')", 'a b'],
    ['string(1.50)', '1.5'],
    ['string(2)', '2'],
    ["regex('AB-123', '^[A-Z]{2}-[0-9]+$')", true],
    ["regex('ab-123', '^[A-Z]{2}-[0-9]+$')", false],
  ])('%s → %j', (src, want) => {
    expect(run(src)).toBe(want);
  });
  it('concat() and join() flatten node-sets', () => {
    expect(run('concat(${xs})', { xs: ['a', 'b'] })).toBe('ab');
    expect(run("join(', ', ${xs})", { xs: ['a', 'b'] })).toBe('a, b');
  });
  it('an invalid literal regex is a compile error with its position', () => {
    const e = errorOf("regex(${s}, '([a-')", { s: '' });
    expect(e.message).toContain('Invalid regular expression');
    expect(e.position).toBe(12);
  });
});

describe('number functions', () => {
  it.each([
    ['int(3.9)', 3],
    ['int(-3.9)', -3],
    ["number('12')", 12],
    ['round(2.5)', 3],
    ['round(-2.5)', -2],
    ['round(3.14159, 2)', 3.14],
    ['floor(2.7)', 2],
    ['ceiling(2.1)', 3],
    ['abs(-4)', 4],
    ['pow(2, 10)', 1024],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
  ])('%s = %s', (src, want) => {
    expect(run(src)).toBe(want);
  });
  it("number('x') is NaN", () => {
    expect(run("number('x')")).toBeNaN();
  });
});

describe('repeat functions', () => {
  it('count() and sum() over a node-set', () => {
    expect(run('count(${r})', { r: ['', '', ''] })).toBe(3);
    expect(run('count(${r})', { r: [] })).toBe(0);
    expect(run('sum(${amounts})', { amounts: [10, '5', ''] })).toBe(15);
    expect(run('sum(${amounts})', { amounts: [10, 'x'] })).toBeNaN();
    expect(run('sum(${amounts})', { amounts: [10, '5'] })).toBe(15);
    expect(run('max(${amounts})', { amounts: [10, '5'] })).toBe(10);
  });
  it('position(..) gives the 1-based instance index', () => {
    expect(run('position(..)', {}, { position: 4 })).toBe(4);
    expect(errorOf('position(.)').message).toContain('Only position(..)');
  });
});

describe('date functions', () => {
  it('today() comes from the context', () => {
    expect(toStr(run('today()'))).toBe('2024-03-15');
  });
  it('date() from a string or a day count; invalid dates are empty', () => {
    expect(run("date('2024-02-29')")).toEqual(parseIsoDate('2024-02-29'));
    expect(toStr(run('date(0)'))).toBe('1970-01-01');
    expect(run("date('2023-02-29')")).toBe('');
    expect(toStr(run("date(date('2024-02-28') + 2)"))).toBe('2024-03-01');
  });
  it('decimal-date-time() and format-date()', () => {
    expect(run("decimal-date-time('1970-01-11')")).toBe(10);
    expect(run("format-date(date('2024-03-05'), '%Y/%m/%d %y %n %e')")).toBe('2024/03/05 24 3 5');
    expect(run("int(format-date(today(), '%Y')) - 1990")).toBe(34);
    expect(run("format-date('', '%Y')")).toBe('');
  });
});

describe('choice filters', () => {
  it('bare names read the columns of the choice', () => {
    expect(
      run('region = ${r}', { r: 'west' }, { bareNames: true, choice: { name: 'x', region: 'west' } }),
    ).toBe(true);
    expect(
      run('region = ${r}', { r: 'east' }, { bareNames: true, choice: { name: 'x', region: 'west' } }),
    ).toBe(false);
  });
});
