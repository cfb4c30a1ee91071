import type { Choice, FormDefinition, FormNode } from '@tern/forms';

/**
 * The form of issue 3's benchmark, generated: 300 questions at the top (150 text, 50 integer with a
 * constraint, 50 select_one, 50 select_multiple; 30 of them with relevance) and a repeat of 6 questions
 * with 50 instances. Choice counts are chosen so the rendered form has exactly 1,550 inputs, the
 * figure of the issue's plain-HTML and ODK comparisons: top 150 + 50 + 50×5 radios + 50×5 checkboxes
 * = 700; each instance 1 text + 1 integer + 1 decimal + 1 date + 5 radios + 8 checkboxes = 17, × 50 = 850.
 */
export const BENCH_INPUTS = 1550;
export const BENCH_INSTANCES = 50;

const choices = (n: number, prefix: string): Choice[] =>
  Array.from({ length: n }, (_, i) => ({ value: `${prefix}${i + 1}`, label: { en: `Option ${i + 1}` } }));

export function benchForm(): FormDefinition {
  const children: FormNode[] = [];
  const label = (i: number, kind: string) => ({ en: `Q${i} ${kind}`, fr: `Q${i} ${kind} (fr)` });
  // Spread the 300 questions in 10 groups of 30 (15 text, 5 integer, 5 select_one, 5 select_multiple),
  // 3 per group with relevance on an earlier answer of the same group.
  let q = 0;
  for (let g = 0; g < 10; g++) {
    const kids: FormNode[] = [];
    const first = q;
    for (let k = 0; k < 30; k++, q++) {
      const name = `q${q}`;
      // Relevance on the group's first integer and first select_one, true for the starting answers so
      // that all 1,550 inputs are on screen.
      const relevant =
        k === 26
          ? `not(\${q${first + 15}} > 100000)`
          : k === 27 || k === 28
            ? `\${q${first + 20}} != 'o2'`
            : undefined;
      let node: FormNode;
      if (k < 15) node = { type: 'text', name, label: label(q, 'text') };
      else if (k < 20)
        node = {
          type: 'integer',
          name,
          label: label(q, 'integer'),
          constraint: '. >= 0 and . <= 100000',
          constraintMessage: { en: 'Between 0 and 100000' },
        };
      else if (k < 25) node = { type: 'select_one', name, label: label(q, 'one'), choices: choices(5, 'o') };
      else node = { type: 'select_multiple', name, label: label(q, 'many'), choices: choices(5, 'm') };
      if (relevant) Object.assign(node, { relevant });
      kids.push(node);
    }
    children.push({ type: 'group', name: `g${g}`, label: { en: `Section ${g + 1}` }, children: kids });
  }
  children.push({
    type: 'repeat',
    name: 'rep',
    label: { en: 'Event' },
    children: [
      { type: 'text', name: 'r_text', label: { en: 'Event text' } },
      {
        type: 'integer',
        name: 'r_int',
        label: { en: 'Event number' },
        constraint: '. >= 0',
        constraintMessage: { en: 'Not negative' },
      },
      { type: 'decimal', name: 'r_dec', label: { en: 'Event amount' } },
      { type: 'date', name: 'r_date', label: { en: 'Event date' } },
      { type: 'select_one', name: 'r_one', label: { en: 'Event type' }, choices: choices(5, 't') },
      { type: 'select_multiple', name: 'r_many', label: { en: 'Event tags' }, choices: choices(8, 'x') },
    ],
  });
  return {
    id: 'bench-1550',
    version: '1',
    title: { en: 'Benchmark form (1,550 inputs)' },
    defaultLanguage: 'en',
    children,
  };
}

/** Answers with the repeat's 50 instances (ids are fixed so runs compare). */
export function benchAnswers(): Record<string, unknown> {
  return {
    rep: Array.from({ length: BENCH_INSTANCES }, (_, i) => ({ _id: `bench-${String(i).padStart(3, '0')}` })),
  };
}
