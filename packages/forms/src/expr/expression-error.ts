/**
 * A syntax or compile error in an expression, with the 0-based character offset where it was found,
 * so authors (and the XLSForm importer) can point at the exact spot.
 */
export class ExpressionError extends Error {
  readonly code = 'TERN_FORMS_EXPRESSION';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at character ${position + 1})`);
    this.name = 'ExpressionError';
  }
}
