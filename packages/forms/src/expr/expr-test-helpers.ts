import { compileExpression } from './compile.ts';
import type { CompileEnv, EvalContext } from './compile.ts';
import { ExpressionError } from './expression-error.ts';
import { NodeSet, XDate, parseIsoDate } from './values.ts';
import type { Atom, Value } from './values.ts';

/** Evaluate with `${x}` read from a plain record (arrays become node-sets); for tests only. */
export function run(
  src: string,
  vars: Record<string, Atom | Atom[]> = {},
  opts: Partial<EvalContext> & Partial<CompileEnv> = {},
): Value {
  const fn = compileExpression(src, {
    ref: (name, pos) => {
      if (!(name in vars)) throw new ExpressionError(`Unknown reference \${${name}}`, pos);
      const v = vars[name]!;
      return () => (Array.isArray(v) ? new NodeSet(v) : v);
    },
    allowCurrent: true,
    inRepeat: true,
    bareNames: opts.bareNames ?? false,
  });
  return fn({
    today: opts.today ?? (parseIsoDate('2024-03-15') as XDate),
    current: opts.current ?? '',
    position: opts.position ?? 0,
    scope: null,
    ...(opts.choice ? { choice: opts.choice } : {}),
  });
}

/** The ExpressionError a source raises, or a failure. */
export function errorOf(src: string, vars: Record<string, Atom> = {}): ExpressionError {
  try {
    run(src, vars);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`expected ${src} to fail`);
}
