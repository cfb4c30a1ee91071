import type { CompiledForm } from './compile-form.ts';
import type { Choice } from './definition.ts';

/**
 * When a built-in form's codes change (issue 16: quick screening's gender went from Woman/Man/… to the
 * HTCDS prs_Gender list the Screening uses), records already stored keep their old codes: nothing on a
 * device or the server is rewritten behind the interviewer's back. A choice lists those old codes as
 * `aliases`; everything that reads an answer (validation, labels, exports, editing) goes through here,
 * so an old answer reads as the current choice and one category is never counted twice.
 */

/** The choice a stored code stands for: by its value, else by one of its aliases. */
export function choiceFor(choices: readonly Choice[], code: string): Choice | undefined {
  return choices.find((c) => c.value === code) ?? choices.find((c) => c.aliases?.includes(code));
}

/** The current code for a stored one (itself when it is current or unknown). */
export function currentCode(choices: readonly Choice[], code: string): string {
  return choiceFor(choices, code)?.value ?? code;
}

type Answers = Record<string, unknown>;

/**
 * The answers with every aliased code replaced by its current one, in repeats too (question names are
 * unique in a form). Returns the same object when nothing changed, so callers can compare.
 */
export function currentAnswers(compiled: CompiledForm, answers: Answers): Answers {
  const aliased = new Map<string, readonly Choice[]>();
  for (const f of compiled.fields)
    if (f.choices?.some((c) => c.aliases && c.aliases.length > 0)) aliased.set(f.name, f.choices);
  if (aliased.size === 0) return answers;
  return walk(answers, aliased);
}

function walk(answers: Answers, aliased: ReadonlyMap<string, readonly Choice[]>): Answers {
  let out: Answers | null = null;
  for (const [k, v] of Object.entries(answers)) {
    let next: unknown = v;
    const choices = aliased.get(k);
    if (choices && typeof v === 'string') next = currentCode(choices, v);
    else if (choices && Array.isArray(v)) {
      const mapped = v.map((x) => (typeof x === 'string' ? currentCode(choices, x) : x));
      if (mapped.some((x, i) => x !== v[i])) next = mapped;
    } else if (Array.isArray(v)) {
      // A repeat: its instances are answer objects.
      const mapped = v.map((x) =>
        x !== null && typeof x === 'object' && !Array.isArray(x) ? walk(x as Answers, aliased) : x,
      );
      if (mapped.some((x, i) => x !== v[i])) next = mapped;
    }
    if (next !== v) (out ??= { ...answers })[k] = next;
  }
  return out ?? answers;
}
