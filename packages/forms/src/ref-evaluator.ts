import { toAtom } from './answer-values.ts';
import type { FieldInfo, Frame } from './compile-form.ts';
import type { Question } from './definition.ts';
import { ExpressionError, NodeSet } from './expr/index.ts';
import type { Atom, Evaluator } from './expr/index.ts';

export function commonDepth(a: readonly string[], b: readonly string[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/**
 * How `${target}` reads from an expression on `at` (ODK's relative-path semantics): a field in the
 * same or an enclosing repeat instance is one value; a field inside a repeat the expression is not
 * in is the node-set of its values in every instance; a repeat is the node-set of its instances.
 */
export function refEvaluator(at: FieldInfo, target: FieldInfo, pos: number): Evaluator {
  const t = target.node;
  if (t.type === 'group') throw new ExpressionError(`\${${target.name}} is a group and has no value`, pos);
  const k = commonDepth(at.repeats, target.repeats);
  if (t.type === 'repeat') {
    const chain = [...target.repeats.slice(k), target.name];
    return (ctx) => new NodeSet(collect((ctx.scope as Frame)[k]!, chain, null));
  }
  const q = t as Question;
  if (k === target.repeats.length) {
    const name = target.name;
    return (ctx) => toAtom(q, (ctx.scope as Frame)[k]![name]);
  }
  const chain = target.repeats.slice(k);
  return (ctx) => new NodeSet(collect((ctx.scope as Frame)[k]!, chain, q));
}

/** Values of `q` (or, with q null, one '' per instance) in every instance below `rec` along `chain`. */
export function collect(
  rec: Record<string, unknown>,
  chain: readonly string[],
  q: Question | null,
  out: Atom[] = [],
  i = 0,
): Atom[] {
  if (i === chain.length) {
    out.push(q ? toAtom(q, rec[q.name]) : '');
    return out;
  }
  const items = rec[chain[i]!];
  if (Array.isArray(items))
    for (const item of items)
      if (item && typeof item === 'object') collect(item as Record<string, unknown>, chain, q, out, i + 1);
  return out;
}
