import { describe, expect, it } from 'vitest';
import { refsOf } from './ast.ts';
import { errorOf, run } from './expr-test-helpers.ts';
import { parseExpression } from './parser.ts';
import { tokenize } from './tokenizer.ts';

describe('tokenizer', () => {
  it('splits refs, names, numbers, strings and two-character operators', () => {
    const kinds = tokenize("${a} >= 1.5 and count-selected(.) != 'x'").map((t) =>
      t.kind === 'op' ? t.op : t.kind,
    );
    expect(kinds).toEqual(['ref', '>=', 'number', 'name', 'name', '(', '.', ')', '!=', 'string', 'end']);
  });
  it('reads .5 as a number and .. as the parent step', () => {
    expect(tokenize('.5')[0]).toMatchObject({ kind: 'number', value: 0.5 });
    expect(tokenize('..')[0]).toMatchObject({ kind: 'op', op: '..' });
  });
  it('keeps the other quote inside a string', () => {
    expect(tokenize(`"it's"`)[0]).toMatchObject({ kind: 'string', value: "it's" });
  });
});

describe('precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['2 * 3 mod 4', 2],
    ['7 div 2 * 2', 7],
    ['-2 * 3', -6],
    ['- - 2', 2],
    ['1 + -2', -1],
  ])('%s = %s', (src, want) => {
    expect(run(src)).toBe(want);
  });
  it('and binds tighter than or', () => {
    expect(run('true() or false() and false()')).toBe(true);
    expect(run('(true() or false()) and false()')).toBe(false);
  });
  it('comparison binds tighter than and, arithmetic tighter than comparison', () => {
    expect(run('1 + 1 = 2 and 3 > 2')).toBe(true);
    expect(run('1 < 2 = true()')).toBe(true); // (1 < 2) = true()
    expect(run('3 > 2 > 1')).toBe(false); // (3 > 2) > 1 → 1 > 1
  });
  it('builds a left-leaning tree for equal precedence', () => {
    const e = parseExpression('a - b - c');
    expect(e).toMatchObject({ kind: 'binary', op: '-', left: { kind: 'binary', op: '-' } });
  });
});

describe('syntax errors carry positions', () => {
  it.each([
    ['1 +', 'Unexpected end of expression', 3],
    ['(1 + 2', "Expected ')' but found end of expression", 6],
    ['1 2', 'Unexpected number 2', 2],
    ["'abc", 'Unterminated string', 0],
    ['1 # 2', 'Unexpected character "#"', 2],
    ['$age', 'Expected a reference like ${name}', 0],
    ['concat(1 2)', "Expected ',' or ')' but found number 2", 9],
    ['and 1', "Expected a value before 'and'", 0],
    ['', 'Empty expression', 0],
  ])('%j → %s at %i', (src, message, position) => {
    const e = errorOf(src);
    expect(e.message).toContain(message);
    expect(e.position).toBe(position);
  });
  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(errorOf('('.repeat(500) + '1' + ')'.repeat(500)).message).toContain('nested too deeply');
  });
  it('reports unknown functions and wrong arity at the call', () => {
    expect(errorOf('1 + frobnicate(2)')).toMatchObject({ position: 4 });
    expect(errorOf('1 + frobnicate(2)').message).toContain('Unknown function frobnicate()');
    expect(errorOf('selected(${a})', { a: '' }).message).toContain('selected() takes 2 arguments, got 1');
  });
  it('rejects a bare name outside choice filters, suggesting ${}', () => {
    expect(errorOf('age > 3').message).toContain('write a reference as ${age}');
  });
  it('lists refs with positions', () => {
    expect(refsOf(parseExpression('${a} + if(${b}, 1, ${a})'))).toEqual([
      { name: 'a', pos: 0 },
      { name: 'b', pos: 10 },
      { name: 'a', pos: 19 },
    ]);
  });
});
