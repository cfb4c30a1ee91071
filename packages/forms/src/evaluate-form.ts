import { isEmptyAnswer, toAtom } from './answer-values.ts';
import { compileForm } from './compile-form.ts';
import type { CompiledForm, FieldInfo, Frame } from './compile-form.ts';
import type { FormDefinition, Question } from './definition.ts';
import { NodeSet, XDate, parseIsoDate, toBool } from './expr/index.ts';
import type { EvalContext, Value } from './expr/index.ts';
import { forEachInstance } from './instances.ts';

/** Answers of one submission: question name → answer; a repeat's name → array of instance records. */
export type Answers = Record<string, unknown>;

export interface EvaluateOptions {
  /**
   * The calendar date for today(), YYYY-MM-DD. Default: the date in UTC+14, the earliest time zone,
   * so a device anywhere is never told its today is in the future (decision 012).
   */
  today?: string;
  /** now(): an ISO date-time (default: the clock). */
  now?: string;
  /** The language jr:choice-name() answers in (default: the form's default language). */
  language?: string;
}

export interface FormState {
  compiled: CompiledForm;
  /** A copy of the answers with calculations filled in and answers of irrelevant nodes removed. */
  values: Answers;
  /** Answer paths (`prs_age`, `events[2].hte_Type`, also groups and repeats) that are not relevant now. */
  irrelevant: ReadonlySet<string>;
  /** Non-empty answers that were removed because their question is not relevant. */
  cleared: ReadonlyArray<{ path: string; field: FieldInfo }>;
  today: XDate;
  isRelevant(path: string): boolean;
}

export function todayIn(offsetHours: number, now = Date.now()): string {
  return new Date(now + offsetHours * 3_600_000).toISOString().slice(0, 10);
}

/** The last date read by resolveToday (an XDate never changes): a keystroke reads the same day again. */
let lastToday: { text: string; date: XDate } | null = null;

export function resolveToday(today: string | undefined): XDate {
  const text = today ?? todayIn(14);
  if (lastToday?.text === text) return lastToday.date;
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  lastToday = { text, date: d };
  return d;
}

/**
 * One pass over the form in dependency order: for each node and each instance, decide relevance
 * (its parent's and its own), blank it when irrelevant — ODK: "a non-relevant node's value is
 * empty" — and compute calculations. Every expression sees values already settled.
 */
export function evaluateForm(
  form: FormDefinition | CompiledForm,
  answers: Answers,
  opts: EvaluateOptions = {},
): FormState {
  const compiled = 'order' in form ? form : compileForm(form);
  const today = resolveToday(opts.today);
  const values = copyAnswers(compiled, answers);
  const irrelevantIn = new WeakMap<object, Set<string>>();
  const irrelevant = new Set<string>();
  const cleared: Array<{ path: string; field: FieldInfo }> = [];
  const isOff = (rec: object, name: string): boolean => irrelevantIn.get(rec)?.has(name) ?? false;

  for (const f of compiled.order) {
    const p = f.parent;
    forEachInstance(values, f.repeats, (frame, positions, prefix) => {
      const rec = frame[frame.length - 1]!;
      // A repeat's relevance is recorded in its parent's record; a group's in its own.
      const parentOff =
        p !== null &&
        (p.node.type === 'repeat' ? isOff(frame[frame.length - 2]!, p.name) : isOff(rec, p.name));
      const ctx = context(frame, positions, today, '', opts);
      const relevant = !parentOff && (f.relevant === null || toBool(f.relevant(ctx)));
      if (!relevant) {
        let set = irrelevantIn.get(rec);
        if (!set) irrelevantIn.set(rec, (set = new Set()));
        set.add(f.name);
        irrelevant.add(prefix + f.name);
        if (f.name in rec) {
          if (!isEmptyAnswer(rec[f.name])) cleared.push({ path: prefix + f.name, field: f });
          delete rec[f.name];
        }
      } else if (f.calculate) {
        // `.` of a calculation is its value so far, for once() (ODK: keep a value computed once).
        const prev = rec[f.name];
        const current = prev === undefined ? '' : toAtom(f.node as Question, prev);
        const v = stored(f.calculate({ ...ctx, current }));
        if (v === undefined) delete rec[f.name];
        else rec[f.name] = v;
      }
    });
  }
  return { compiled, values, irrelevant, cleared, today, isRelevant: (path) => !irrelevant.has(path) };
}

export function context(
  frame: Frame,
  positions: readonly number[],
  today: XDate,
  current: Value,
  opts: { now?: string; language?: string } = {},
): EvalContext {
  const ctx: EvalContext = { today, current, position: positions[positions.length - 1] ?? 0, scope: frame };
  if (opts.now !== undefined) ctx.now = opts.now;
  if (opts.language !== undefined) ctx.language = opts.language;
  return ctx;
}

/** A calculated value as it is stored: numbers stay numbers, dates and booleans become strings. */
function stored(v: Value): string | number | undefined {
  const a = v instanceof NodeSet ? (v.values[0] ?? '') : v;
  if (typeof a === 'number') return Number.isFinite(a) ? a : undefined;
  if (typeof a === 'boolean') return a ? 'true' : 'false';
  const s = a.toString();
  return s === '' ? undefined : s;
}

/** Copy the records the pass may change (the root and every repeat instance), never the caller's. */
function copyAnswers(compiled: CompiledForm, answers: Answers): Answers {
  const root: Answers = { ...answers };
  for (const f of compiled.fields) {
    if (f.node.type !== 'repeat') continue;
    forEachInstance(root, f.repeats, (frame) => {
      const rec = frame[frame.length - 1]!;
      const items = rec[f.name];
      if (Array.isArray(items))
        rec[f.name] = items.map((it: unknown) =>
          it && typeof it === 'object' && !Array.isArray(it) ? { ...it } : it,
        );
    });
  }
  return root;
}
