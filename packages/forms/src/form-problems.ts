/**
 * What is wrong with a form definition, found before any response is evaluated. `path` is the node's
 * path in the form (group and repeat names joined by '/'), `property` the offending property, and
 * `position` the 0-based character offset inside an expression when there is one.
 */
export interface FormProblem {
  path: string;
  property: string;
  message: string;
  position?: number;
}

export class FormDefinitionError extends Error {
  readonly code = 'TERN_FORMS_DEFINITION_INVALID';
  constructor(
    readonly formId: string,
    readonly problems: readonly FormProblem[],
  ) {
    super(
      `Form ${formId} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'FormDefinitionError';
  }
}

export function formatProblem(p: FormProblem): string {
  const at = p.position === undefined ? '' : ` at character ${p.position + 1}`;
  return `- ${p.path || '(form)'} ${p.property}${at}: ${p.message}`;
}
