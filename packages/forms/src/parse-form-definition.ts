import { compileForm } from './compile-form.ts';
import { FormDefinition } from './definition.ts';
import { FormDefinitionError } from './form-problems.ts';

/**
 * Parse an untrusted definition (an admin upload, a `form:` document): the zod shape first, then the
 * definition-time checks of compileForm (expression syntax, unknown references, cycles, choice lists).
 * Throws FormDefinitionError naming each bad path.
 */
export function parseFormDefinition(input: unknown): FormDefinition {
  const r = FormDefinition.safeParse(input);
  if (!r.success) {
    const id =
      typeof input === 'object' && input !== null && 'id' in input
        ? String((input as { id: unknown }).id)
        : '(unknown)';
    throw new FormDefinitionError(
      id,
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
