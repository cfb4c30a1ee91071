import { compileForm } from './compile-form.ts';
import { FormDefinition, MAX_NESTING, nestingDepth } from './definition.ts';
import { FormDefinitionError } from './form-problems.ts';

/**
 * Parse an untrusted definition (an admin upload, a `form:` document): the zod shape first, then the
 * definition-time checks of compileForm (expression syntax, unknown references, cycles, choice lists).
 * Throws FormDefinitionError naming each bad path.
 */
export function parseFormDefinition(input: unknown): FormDefinition {
  // The form itself is level 1: a form with groups nested MAX_NESTING deep has depth MAX_NESTING + 1.
  if (nestingDepth(input) > MAX_NESTING + 1)
    throw new FormDefinitionError(idOf(input), [
      {
        path: '',
        property: 'children',
        message: `Groups and repeats are nested more than ${MAX_NESTING} deep`,
      },
    ]);
  const r = FormDefinition.safeParse(input);
  if (!r.success) {
    throw new FormDefinitionError(
      idOf(input),
      r.error.issues.map((i) => ({
        path: i.path.slice(0, -1).join('/'),
        property: String(i.path.at(-1) ?? ''),
        message: i.message,
      })),
    );
  }
  compileForm(r.data);
  return r.data;
}

function idOf(input: unknown): string {
  return typeof input === 'object' && input !== null && 'id' in input
    ? String((input as { id: unknown }).id)
    : '(unknown)';
}
