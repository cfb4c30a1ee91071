/** The syntax tree of one expression. `pos` is the 0-based offset of the node's first character. */
export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

export type Expr =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'ref'; name: string; pos: number }
  | { kind: 'current'; pos: number }
  | { kind: 'parent'; pos: number }
  | { kind: 'name'; name: string; pos: number }
  | { kind: 'negate'; arg: Expr; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: 'call'; name: string; args: Expr[]; pos: number };

/** Every `${name}` reference in an expression, in source order, with its position. */
export function refsOf(
  e: Expr,
  out: Array<{ name: string; pos: number }> = [],
): Array<{ name: string; pos: number }> {
  switch (e.kind) {
    case 'ref':
      out.push({ name: e.name, pos: e.pos });
      break;
    case 'negate':
      refsOf(e.arg, out);
      break;
    case 'binary':
      refsOf(e.left, out);
      refsOf(e.right, out);
      break;
    case 'call':
      for (const a of e.args) refsOf(a, out);
      break;
    default:
      break;
  }
  return out;
}

/** Functions whose value changes from one evaluation to the next without any answer changing. */
const VOLATILE = new Set(['now', 'random', 'uuid']);

/**
 * True when the expression reads the clock or chance (now(), random(), uuid()) outside once(), which
 * keeps the first value: evaluated again, it may give another value though no answer changed.
 */
export function isVolatile(e: Expr): boolean {
  if (e.kind === 'negate') return isVolatile(e.arg);
  if (e.kind === 'binary') return isVolatile(e.left) || isVolatile(e.right);
  if (e.kind !== 'call' || e.name === 'once') return false;
  return VOLATILE.has(e.name) || e.args.some(isVolatile);
}

/** True when the expression, anywhere, uses the given node kind (e.g. 'current' for `.`). */
export function uses(e: Expr, kind: Expr['kind']): boolean {
  if (e.kind === kind) return true;
  if (e.kind === 'negate') return uses(e.arg, kind);
  if (e.kind === 'binary') return uses(e.left, kind) || uses(e.right, kind);
  if (e.kind === 'call') return e.args.some((a) => uses(a, kind));
  return false;
}
