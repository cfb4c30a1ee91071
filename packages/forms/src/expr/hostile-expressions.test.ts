import { describe, expect, it } from 'vitest';
import { errorOf, run } from './expr-test-helpers.ts';

describe('hostile expressions (issue 17)', () => {
  it('unary minus is under the same depth guard as parentheses', () => {
    expect(errorOf('-'.repeat(150) + '1').message).toMatch(/nested too deeply/);
    expect(errorOf('-'.repeat(100_000) + '1').message).toMatch(/nested too deeply/);
    expect(run('- - 3')).toBe(3);
  });

  it('regex() does not backtrack: ^(a+)+$ on a long answer that fails at its end', () => {
    // With a backtracking engine this took 1.2 s at 28 characters and doubled per character;
    // 60 characters would take years. RE2 answers at once.
    expect(run("regex(${s}, '^(a+)+$')", { s: 'a'.repeat(60) + 'b' })).toBe(false);
    expect(run("regex(${s}, '^(a+)+$')", { s: 'a'.repeat(60) })).toBe(true);
    expect(run("regex(${s}, '(x+x+)+y')", { s: 'x'.repeat(5000) })).toBe(false);
  });

  it('a pattern RE2 cannot run is a definition-time error, with its position', () => {
    const e = errorOf("regex(${s}, '(?=a)b')", { s: '' });
    expect(e.message).toMatch(/^Invalid regular expression/);
    expect(e.position).toBe(12);
  });
});
