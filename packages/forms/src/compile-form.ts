import { countryChoices } from './countries.ts';
import { isContainer } from './definition.ts';
import type { Choice, FormDefinition, FormNode, Question } from './definition.ts';
import { compileAst, ExpressionError, isVolatile, parseExpression, refsOf } from './expr/index.ts';
import type { CompileEnv, Evaluator } from './expr/index.ts';
import { FormDefinitionError } from './form-problems.ts';
import type { FormProblem } from './form-problems.ts';
import { checkAnswer } from './answer-values.ts';
import { formFunctions } from './form-functions.ts';
import { refEvaluator } from './ref-evaluator.ts';
import { textRefsWhere } from './text-refs.ts';
import { topologicalOrder } from './topological-order.ts';

/** One node of a compiled form, with its expressions compiled to closures once. */
export interface FieldInfo {
  node: FormNode;
  name: string;
  /** Group and repeat names joined by '/', as in questionsOf. */
  path: string;
  /** Enclosing repeats, outermost first; a repeat's own name is not in its list. */
  repeats: readonly string[];
  parent: FieldInfo | null;
  relevant: Evaluator | null;
  constraint: Evaluator | null;
  calculate: Evaluator | null;
  choiceFilter: Evaluator | null;
  /** A repeat's repeat_count: how many entries it must have. */
  count: Evaluator | null;
  /** Offered choices of a select or country question. */
  choices: readonly Choice[] | null;
  /** Names whose value or relevance decides this node's relevance or value. */
  deps: readonly string[];
  /**
   * Every name this node reads anywhere: relevance, calculation, constraint, choice filter, repeat
   * count and `${name}` in its texts (what may change what it shows; see dependents.ts).
   */
  reads: readonly string[];
  /** Its relevance, calculation or repeat count reads the clock or chance (now(), random(), uuid()). */
  volatile: boolean;
  /** `${name}` in its label, hint or messages: the value each shows (null when the texts have none). */
  outputs: ReadonlyMap<string, Evaluator> | null;
}

export interface CompiledForm {
  form: FormDefinition;
  /** Document order. */
  fields: readonly FieldInfo[];
  byName: ReadonlyMap<string, FieldInfo>;
  /** Dependency order: every node after the nodes its relevance and calculation read, and after its parent. */
  order: readonly FieldInfo[];
  languages: readonly string[];
  problems: readonly FormProblem[];
  /**
   * `${name}` in texts that names no question. They make checkForm (and so publishing) fail, but not
   * compileForm: a form published before texts were checked still opens, showing such a text as written.
   */
  textProblems: readonly FormProblem[];
}

/**
 * A ref evaluator's scope: the working answer records from the form root (0) down to the innermost
 * repeat instance being evaluated.
 */
export type Frame = ReadonlyArray<Record<string, unknown>>;

const cache = new WeakMap<FormDefinition, CompiledForm>();

/** Compile (once per definition object) or throw FormDefinitionError listing every problem. */
export function compileForm(form: FormDefinition): CompiledForm {
  const c = compileFormUnchecked(form);
  if (c.problems.length > 0) throw new FormDefinitionError(form.id, c.problems);
  return c;
}

/** Every problem of a definition: duplicate names, bad choice lists, expression syntax, unknown refs (also in texts), cycles. */
export function checkForm(form: FormDefinition): FormProblem[] {
  const c = compileFormUnchecked(form);
  return [...c.problems, ...c.textProblems];
}

export function compileFormUnchecked(form: FormDefinition): CompiledForm {
  const hit = cache.get(form);
  if (hit) return hit;
  const problems: FormProblem[] = [];
  const textProblems: FormProblem[] = [];
  const fields: FieldInfo[] = [];
  const byName = new Map<string, FieldInfo>();
  const languages = form.languages ?? Object.keys(form.title);
  if (!form.title[form.defaultLanguage])
    problems.push({
      path: '',
      property: 'title',
      message: `No title in the default language ${form.defaultLanguage}`,
    });

  const collect = (
    nodes: FormNode[],
    parent: FieldInfo | null,
    prefix: string,
    repeats: readonly string[],
  ): void => {
    for (const node of nodes) {
      const path = prefix ? `${prefix}/${node.name}` : node.name;
      const info: FieldInfo = {
        node,
        name: node.name,
        path,
        repeats,
        parent,
        relevant: null,
        constraint: null,
        calculate: null,
        choiceFilter: null,
        count: null,
        choices: null,
        deps: [],
        reads: [],
        volatile: false,
        outputs: null,
      };
      if (node.name === '_id')
        problems.push({ path, property: 'name', message: '_id is reserved for repeat instance ids' });
      // Answers are plain objects: a question named like an Object.prototype member would read it when unanswered.
      if (node.name in Object.prototype)
        problems.push({ path, property: 'name', message: `${node.name} is a reserved name` });
      if (byName.has(node.name))
        problems.push({
          path,
          property: 'name',
          message: `Duplicate name ${node.name} (also at ${byName.get(node.name)!.path}); names are unique in a form`,
        });
      else byName.set(node.name, info);
      fields.push(info);
      if (isContainer(node))
        collect(node.children, info, path, node.type === 'repeat' ? [...repeats, node.name] : repeats);
    }
  };
  collect(form.children, null, '', []);

  for (const f of fields) {
    f.choices = resolveChoices(form, f, languages, problems);
    checkShape(f, problems);
    const d = 'default' in f.node ? f.node.default : undefined;
    if (d !== undefined) {
      const bad = checkAnswer(f.node as Question, d, f.choices);
      if (bad) problems.push({ path: f.path, property: 'default', message: bad.message });
    }
    const deps = new Set<string>(f.parent ? [f.parent.name] : []);
    const reads = new Set<string>();
    let volatile = false;
    const compile = (
      property: string,
      src: string | undefined,
      env: Partial<CompileEnv>,
      track: boolean,
      evaluated = track,
    ): Evaluator | null => {
      if (src === undefined) return null;
      try {
        const ast = parseExpression(src);
        const unknown = refsOf(ast).filter((r) => !byName.has(r.name));
        for (const r of unknown)
          problems.push({
            path: f.path,
            property,
            message: `Unknown reference \${${r.name}}`,
            position: r.pos,
          });
        if (unknown.length > 0) return null;
        for (const r of refsOf(ast)) {
          reads.add(r.name);
          if (track) deps.add(r.name);
        }
        if (evaluated && isVolatile(ast)) volatile = true;
        return compileAst(ast, {
          inRepeat: f.repeats.length > 0 || f.node.type === 'repeat',
          ...env,
          ref: (name, pos) => refEvaluator(f, byName.get(name)!, pos),
          form: formFunctions(f, byName, form.defaultLanguage),
        });
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        problems.push({
          path: f.path,
          property,
          message: e.message.replace(/ \(at character \d+\)$/, ''),
          position: e.position,
        });
        return null;
      }
    };
    const n = f.node;
    // A repeat's relevance is decided per instance of its parent, outside the repeat: no position(..).
    f.relevant = compile(
      'relevant',
      'relevant' in n ? n.relevant : undefined,
      n.type === 'repeat' ? { inRepeat: f.repeats.length > 0 } : {},
      true,
    );
    f.calculate = compile('calculate', 'calculate' in n ? n.calculate : undefined, {}, true);
    f.constraint = compile(
      'constraint',
      'constraint' in n ? n.constraint : undefined,
      { allowCurrent: true },
      false,
    );
    f.choiceFilter = compile(
      'choiceFilter',
      'choiceFilter' in n ? n.choiceFilter : undefined,
      { bareNames: true },
      false,
    );
    // Read in the repeat's parent scope, like the repeat's relevance.
    f.count = compile(
      'count',
      n.type === 'repeat' ? n.count : undefined,
      { inRepeat: f.repeats.length > 0 },
      false,
      true,
    );
    f.deps = [...deps];
    f.outputs = compileOutputs(f, byName, textProblems);
    for (const name of f.outputs?.keys() ?? []) reads.add(name);
    f.reads = [...reads];
    f.volatile = volatile;
  }

  const { order, cycle } = topologicalOrder(fields, byName);
  if (cycle)
    problems.push({
      path: byName.get(cycle[0]!)!.path,
      property: 'relevant/calculate',
      message: `Circular reference: ${cycle.map((c) => '${' + c + '}').join(' → ')}`,
    });

  const compiled: CompiledForm = { form, fields, byName, order, languages, problems, textProblems };
  cache.set(form, compiled);
  return compiled;
}

/** Evaluators of the `${name}`s in a node's texts, read as its expressions read them (ODK output values). */
function compileOutputs(
  f: FieldInfo,
  byName: ReadonlyMap<string, FieldInfo>,
  problems: FormProblem[],
): Map<string, Evaluator> | null {
  let out: Map<string, Evaluator> | null = null;
  for (const ref of textRefsWhere(f.node)) {
    if (out?.has(ref.name)) continue;
    const target = byName.get(ref.name);
    const where = `${ref.property} (${ref.lang})`;
    if (!target) {
      problems.push({
        path: f.path,
        property: ref.property,
        message: `Unknown reference \${${ref.name}} in the ${where}`,
      });
      continue;
    }
    if (target.node.type === 'group') {
      problems.push({
        path: f.path,
        property: ref.property,
        message: `\${${ref.name}} in the ${where} is a group and has no value`,
      });
      continue;
    }
    (out ??= new Map()).set(ref.name, refEvaluator(f, target, 0));
  }
  return out;
}

function resolveChoices(
  form: FormDefinition,
  f: FieldInfo,
  languages: readonly string[],
  problems: FormProblem[],
): readonly Choice[] | null {
  const n = f.node;
  if (n.type === 'country') return countryChoices(languages);
  if (n.type !== 'select_one' && n.type !== 'select_multiple' && n.type !== 'rank') return null;
  if ((n.choices === undefined) === (n.choiceList === undefined)) {
    problems.push({
      path: f.path,
      property: 'choices',
      message: 'Give exactly one of choices or choiceList',
    });
    return n.choices ?? null;
  }
  const lists = form.choiceLists ?? {};
  const list = n.choices ?? (Object.hasOwn(lists, n.choiceList!) ? lists[n.choiceList!] : undefined);
  if (!list) {
    problems.push({ path: f.path, property: 'choiceList', message: `No choice list named ${n.choiceList}` });
    return null;
  }
  const seen = new Set<string>();
  for (const c of list) {
    if (seen.has(c.value))
      problems.push({ path: f.path, property: 'choices', message: `Duplicate choice value ${c.value}` });
    seen.add(c.value);
  }
  return list;
}

function checkShape(f: FieldInfo, problems: FormProblem[]): void {
  const n = f.node;
  if (
    (n.type === 'integer' || n.type === 'decimal') &&
    n.min !== undefined &&
    n.max !== undefined &&
    n.min > n.max
  )
    problems.push({ path: f.path, property: 'min', message: `min ${n.min} is above max ${n.max}` });
  if (n.type === 'repeat' && n.minCount !== undefined && n.maxCount !== undefined && n.minCount > n.maxCount)
    problems.push({
      path: f.path,
      property: 'minCount',
      message: `minCount ${n.minCount} is above maxCount ${n.maxCount}`,
    });
}
