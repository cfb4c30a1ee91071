import type { BinaryOp, Expr } from './ast.ts';
import { ExpressionError } from './expression-error.ts';
import { tokenize } from './tokenizer.ts';
import type { Token } from './tokenizer.ts';

/**
 * Precedence climbing over XPath 1.0 operator levels (§3.4–3.5), loosest first:
 * or < and < (= !=) < (< <= > >=) < (+ -) < (* div mod) < unary minus.
 * All binary operators are left-associative.
 */
const PRECEDENCE: Record<BinaryOp, number> = {
  or: 1,
  and: 2,
  '=': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  div: 6,
  mod: 6,
};
const WORD_OPS = new Set(['and', 'or', 'div', 'mod']);
const MAX_DEPTH = 100;

/** Parse one expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(src: string): Expr {
  if (src.trim() === '') throw new ExpressionError('Empty expression', 0);
  const p = new Parser(tokenize(src));
  const e = p.expression(0, 0);
  const t = p.peek();
  if (t.kind !== 'end') throw new ExpressionError(`Unexpected ${describe(t)}`, t.pos);
  return e;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private binaryOp(t: Token): BinaryOp | null {
    if (t.kind === 'op' && t.op in PRECEDENCE) return t.op as BinaryOp;
    if (t.kind === 'name' && WORD_OPS.has(t.name)) return t.name as BinaryOp;
    return null;
  }

  expression(minPrec: number, depth: number): Expr {
    // A hostile or generated form could nest thousands of parentheses; refuse before the stack does.
    if (depth > MAX_DEPTH) throw new ExpressionError('Expression nested too deeply', this.peek().pos);
    let left = this.unary(depth);
    for (;;) {
      const t = this.peek();
      const op = this.binaryOp(t);
      if (op === null || PRECEDENCE[op] <= minPrec) return left;
      this.next();
      const right = this.expression(PRECEDENCE[op], depth + 1);
      left = { kind: 'binary', op, left, right, pos: t.pos };
    }
  }

  private unary(depth: number): Expr {
    const t = this.peek();
    // `- - - … 1` nests one level per minus: the same guard as parentheses.
    if (depth > MAX_DEPTH) throw new ExpressionError('Expression nested too deeply', t.pos);
    if (t.kind === 'op' && t.op === '-') {
      this.next();
      // Unary minus binds tighter than every binary operator (XPath UnaryExpr).
      return { kind: 'negate', arg: this.unary(depth + 1), pos: t.pos };
    }
    return this.primary(depth);
  }

  private primary(depth: number): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.value, pos: t.pos };
      case 'string':
        return { kind: 'string', value: t.value, pos: t.pos };
      case 'ref':
        return { kind: 'ref', name: t.name, pos: t.pos };
      case 'name': {
        const after = this.peek();
        if (after.kind === 'op' && after.op === '(') {
          this.next();
          return { kind: 'call', name: t.name, args: this.args(depth), pos: t.pos };
        }
        if (WORD_OPS.has(t.name)) throw new ExpressionError(`Expected a value before '${t.name}'`, t.pos);
        return { kind: 'name', name: t.name, pos: t.pos };
      }
      case 'op':
        if (t.op === '(') {
          const e = this.expression(0, depth + 1);
          this.expect(')');
          return e;
        }
        if (t.op === '.') return { kind: 'current', pos: t.pos };
        if (t.op === '..') return { kind: 'parent', pos: t.pos };
        throw new ExpressionError(`Unexpected ${describe(t)}`, t.pos);
      case 'end':
        throw new ExpressionError('Unexpected end of expression', t.pos);
    }
  }

  private args(depth: number): Expr[] {
    const args: Expr[] = [];
    const t = this.peek();
    if (t.kind === 'op' && t.op === ')') {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.expression(0, depth + 1));
      const sep = this.next();
      if (sep.kind === 'op' && sep.op === ')') return args;
      if (!(sep.kind === 'op' && sep.op === ','))
        throw new ExpressionError(`Expected ',' or ')' but found ${describe(sep)}`, sep.pos);
    }
  }

  private expect(op: ')'): void {
    const t = this.next();
    if (!(t.kind === 'op' && t.op === op))
      throw new ExpressionError(`Expected '${op}' but found ${describe(t)}`, t.pos);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'end of expression';
    case 'op':
      return `'${t.op}'`;
    case 'name':
      return `'${t.name}'`;
    case 'ref':
      return `\${${t.name}}`;
    case 'number':
      return `number ${t.value}`;
    case 'string':
      return `string '${t.value}'`;
  }
}
