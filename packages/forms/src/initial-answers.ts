import type { FormDefinition, FormNode } from './definition.ts';
import type { Answers } from './evaluate-form.ts';

/** A new response: each question's `default`, outside repeats (a new repeat instance gets them from newRepeatInstance). */
export function initialAnswers(form: FormDefinition): Answers {
  return defaultsOf(form.children);
}

/** A fresh repeat instance with the given id (a ULID made on the device) and its questions' defaults. */
export function newRepeatInstance(repeat: { children: FormNode[] }, id: string): Answers {
  return { _id: id, ...defaultsOf(repeat.children) };
}

function defaultsOf(nodes: FormNode[], out: Answers = {}): Answers {
  for (const n of nodes) {
    if (n.type === 'group') defaultsOf(n.children, out);
    else if (n.type !== 'repeat' && 'default' in n && n.default !== undefined)
      out[n.name] = Array.isArray(n.default) ? [...n.default] : n.default;
  }
  return out;
}
