import type { FieldInfo, Frame } from './compile-form.ts';
import type { Question } from './definition.ts';
import { ExpressionError, toNum } from './expr/index.ts';
import type { CompileEnv, EvalContext, Evaluator, Expr } from './expr/index.ts';
import { toAtom } from './answer-values.ts';

/**
 * The functions that need the form around an expression (CompileEnv.form): jr:choice-name() reads a
 * select's choice labels, indexed-repeat() reads a question in the n-th entry of a repeat.
 */
export function formFunctions(
  at: FieldInfo,
  byName: ReadonlyMap<string, FieldInfo>,
  defaultLanguage: string,
): NonNullable<CompileEnv['form']> {
  return {
    choiceName: (field, pos) => {
      const target = byName.get(field);
      if (!target?.choices)
        throw new ExpressionError(`jr:choice-name(): \${${field}} is not a question with choices`, pos);
      const choices = target.choices;
      return (value, language) => {
        const c = choices.find((x) => x.value === value);
        if (!c) return '';
        return (
          c.label[language ?? defaultLanguage] ?? c.label[defaultLanguage] ?? Object.values(c.label)[0] ?? ''
        );
      };
    },
    indexedRepeat: (args, pos) => indexedRepeat(at, byName, args, pos),
  };
}

function refName(e: Expr): string | null {
  return e.kind === 'ref' ? e.name : null;
}

/**
 * indexed-repeat(${q}, ${repeat1}, i1[, ${repeat2}, i2…]): the answer to q in entry i1 of repeat1
 * (1-based), and so on inward. A repeat of q's not listed is taken as the entry the expression is in.
 */
function indexedRepeat(
  at: FieldInfo,
  byName: ReadonlyMap<string, FieldInfo>,
  args: readonly Expr[],
  pos: number,
): Evaluator {
  const name = refName(args[0]!);
  const target = name ? byName.get(name) : undefined;
  if (!target || target.node.type === 'group' || target.node.type === 'repeat')
    throw new ExpressionError("indexed-repeat()'s first argument is a question, as ${name}", args[0]!.pos);
  const q = target.node as Question;
  const index = new Map<string, (ctx: EvalContext) => number>();
  for (let i = 1; i < args.length; i += 2) {
    const rep = refName(args[i]!);
    if (!rep || !target.repeats.includes(rep))
      throw new ExpressionError(
        `indexed-repeat(): argument ${i + 1} must be a repeat that holds \${${name}}`,
        args[i]!.pos,
      );
    const ix = args[i + 1]!;
    // A literal position is the usual case; a computed one is read as a number.
    if (ix.kind === 'number') {
      const n = ix.value;
      index.set(rep, () => n);
    } else if (ix.kind === 'ref') {
      const f = byName.get(ix.name);
      if (!f || f.repeats.length > 0)
        throw new ExpressionError(
          'indexed-repeat(): a position is a number or a question outside repeats',
          ix.pos,
        );
      const fname = f.name;
      const fq = f.node as Question;
      index.set(rep, (ctx) => toNum(toAtom(fq, (ctx.scope as Frame)[0]![fname])));
    } else throw new ExpressionError('indexed-repeat(): a position is a number or ${name}', ix.pos ?? pos);
  }
  return (ctx) => {
    const frame = ctx.scope as Frame;
    let rec: Record<string, unknown> | undefined = frame[0];
    for (let d = 0; d < target.repeats.length && rec; d++) {
      const rep = target.repeats[d]!;
      const pick = index.get(rep);
      if (pick) {
        const items = rec[rep];
        const n = pick(ctx);
        const item = Array.isArray(items) && Number.isInteger(n) && n >= 1 ? items[n - 1] : undefined;
        rec = item && typeof item === 'object' ? (item as Record<string, unknown>) : undefined;
      } else rec = at.repeats[d] === rep ? frame[d + 1] : undefined;
    }
    return rec ? toAtom(q, rec[q.name]) : '';
  };
}
