import { z } from 'zod';

/**
 * The form definition model. A form is a tree of questions and groups with a stable id and version.
 * Labels are keyed by language code so one definition carries every language.
 */
export const LocalizedText = z.record(z.string().min(2), z.string());
export type LocalizedText = z.infer<typeof LocalizedText>;

const name = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a name starts with a letter or _ and holds letters, digits, _');

const Choice = z.object({ value: z.string().min(1), label: LocalizedText });

const base = {
  name,
  label: LocalizedText,
  hint: LocalizedText.optional(),
  required: z.boolean().optional(),
};

export const TextQuestion = z.object({
  ...base,
  type: z.literal('text'),
  maxLength: z.number().int().positive().optional(),
});
export const IntegerQuestion = z.object({
  ...base,
  type: z.literal('integer'),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
});
export const DateQuestion = z.object({ ...base, type: z.literal('date') });
export const SelectOneQuestion = z.object({
  ...base,
  type: z.literal('select_one'),
  choices: z.array(Choice).min(1),
});
export const SelectMultipleQuestion = z.object({
  ...base,
  type: z.literal('select_multiple'),
  choices: z.array(Choice).min(1),
});

export type Question =
  | z.infer<typeof TextQuestion>
  | z.infer<typeof IntegerQuestion>
  | z.infer<typeof DateQuestion>
  | z.infer<typeof SelectOneQuestion>
  | z.infer<typeof SelectMultipleQuestion>;

export interface Group {
  type: 'group';
  name: string;
  label: LocalizedText;
  children: Array<Question | Group>;
}

export type FormNode = Question | Group;

export const Group: z.ZodType<Group> = z.object({
  type: z.literal('group'),
  name,
  label: LocalizedText,
  get children() {
    return z.array(FormNode);
  },
});

export const FormNode: z.ZodType<FormNode> = z.union([
  TextQuestion,
  IntegerQuestion,
  DateQuestion,
  SelectOneQuestion,
  SelectMultipleQuestion,
  Group,
]);

export const FormDefinition = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'form id: lowercase letters, digits, _ and -'),
  version: z.string().min(1),
  title: LocalizedText,
  defaultLanguage: z.string().min(2),
  children: z.array(FormNode).min(1),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

/** Parse an untrusted definition; throws a ZodError naming each bad path. */
export function parseFormDefinition(input: unknown): FormDefinition {
  return FormDefinition.parse(input);
}

/** Every question of a form with its path (group names joined by '/'), in document order. */
export function questionsOf(nodes: FormNode[], prefix = ''): Array<{ path: string; question: Question }> {
  const out: Array<{ path: string; question: Question }> = [];
  for (const n of nodes) {
    const path = prefix ? `${prefix}/${n.name}` : n.name;
    if (n.type === 'group') out.push(...questionsOf(n.children, path));
    else out.push({ path, question: n });
  }
  return out;
}
