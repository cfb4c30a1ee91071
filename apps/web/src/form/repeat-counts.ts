import { forEachInstance, expr, newRepeatInstance } from '@tern/forms';
import type { Answers, CompiledForm, FormState } from '@tern/forms';
import { setIn } from './answer-path.ts';
import { InstanceLocator } from './instance-locator.ts';

const { toNum } = expr;

/**
 * XLSForm repeat_count: add entries until each repeat has as many as its count says (at most 500,
 * so a mistyped count cannot freeze the device). Entries are never removed here: a lower count shows
 * a validation message and the interviewer removes the entries, so no answer is dropped unseen.
 * Returns the answers with the entries added, or the same object when none was needed.
 */
export function fillRepeatCounts(
  compiled: CompiledForm,
  state: FormState,
  start: Answers,
  newId: () => string,
): Answers {
  let answers = start;
  // Paths are found in the answers as they grow here, entries added by an earlier repeat included.
  const locate = new InstanceLocator(() => answers);
  for (const f of compiled.fields) {
    const node = f.node;
    if (!f.count || node.type !== 'repeat') continue;
    const count = f.count;
    forEachInstance(state.values, f.repeats, (frame, positions, prefix) => {
      if (!state.isRelevant(prefix + f.name)) return;
      const want = toNum(
        count({ today: state.today, current: '', position: positions.at(-1) ?? 0, scope: frame }),
      );
      const have = frame[frame.length - 1]![f.name];
      const n = Array.isArray(have) ? have.length : 0;
      if (!Number.isInteger(want) || want > 500 || n >= want) return;
      const scope = f.repeats.map((r, i) => ({ repeat: r, id: String(frame[i + 1]!._id) }));
      const path = locate.recordPath(scope);
      if (!path) return;
      const items = locate.readFrom(answers, scope, f.name);
      const next = [...(Array.isArray(items) ? items : [])];
      while (next.length < want) next.push(newRepeatInstance(node, newId()));
      answers = setIn(answers, path, f.name, next);
    });
  }
  return answers;
}
