import { changeReach } from './dependents.ts';
import { evaluateForm, resolveToday } from './evaluate-form.ts';
import type { Answers, EvaluateOptions, FormState } from './evaluate-form.ts';

/** Where an answer sits: the repeat entries around it, outermost first, by index. */
export type RecordPath = ReadonlyArray<{ repeat: string; index: number }>;

/**
 * The form's state after one question's answer changed: `answers` must differ from the answers `prev`
 * was evaluated from only in `name` in the record at `at`. When no relevance, calculation or repeat
 * count reads that question (ChangeReach.evaluated is empty), the question is relevant and the day
 * is the same, evaluating the whole form again would only copy the new answer into the evaluated
 * values: that is done here, sharing every other record with `prev`. Otherwise the form is evaluated
 * again (evaluateForm). Either way the result equals `evaluateForm(compiled, answers, opts)`
 * (evaluate-change.test.ts checks it on random forms and edits).
 */
export function evaluateChange(
  prev: FormState,
  answers: Answers,
  at: RecordPath,
  name: string,
  opts: EvaluateOptions = {},
): FormState {
  const quick = quickChange(prev, answers, at, name, opts);
  return quick ?? evaluateForm(prev.compiled, answers, opts);
}

function quickChange(
  prev: FormState,
  answers: Answers,
  at: RecordPath,
  name: string,
  opts: EvaluateOptions,
): FormState | null {
  const info = prev.compiled.byName.get(name);
  const type = info?.node.type;
  // A calculated answer (a calculate, or a question with a calculation) is the evaluation's to set.
  if (!info || info.calculate || type === 'group' || type === 'repeat') return null;
  if (info.repeats.length !== at.length || info.repeats.some((r, i) => at[i]!.repeat !== r)) return null;
  const reach = changeReach(prev.compiled, name);
  if (!reach || reach.evaluated.size > 0) return null;
  if (resolveToday(opts.today).days !== prev.today.days) return null;
  let prefix = '';
  for (const step of at) prefix += `${step.repeat}[${step.index}].`;
  if (!prev.isRelevant(prefix + name)) return null;
  const entered = recordAt(answers, at);
  if (!entered) return null;
  const values = withAnswer(prev.values, at, name, entered[name]);
  return values && { ...prev, values };
}

function recordAt(root: Answers, at: RecordPath): Answers | null {
  let rec = root;
  for (const step of at) {
    const items = rec[step.repeat];
    const item: unknown = Array.isArray(items) ? items[step.index] : undefined;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
    rec = item as Answers;
  }
  return rec;
}

/** A copy of `root` with `name` set in the record at `at`; the records along the way are copied, the rest shared. */
function withAnswer(root: Answers, at: RecordPath, name: string, value: unknown): Answers | null {
  if (at.length === 0) {
    const next = { ...root };
    if (value === undefined) delete next[name];
    else next[name] = value;
    return next;
  }
  const [head, ...rest] = at;
  const items = root[head!.repeat];
  const item: unknown = Array.isArray(items) ? items[head!.index] : undefined;
  if (!Array.isArray(items) || !item || typeof item !== 'object' || Array.isArray(item)) return null;
  const inner = withAnswer(item as Answers, rest, name, value);
  if (!inner) return null;
  const copy = items.slice();
  copy[head!.index] = inner;
  return { ...root, [head!.repeat]: copy };
}
