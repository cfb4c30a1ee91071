import { ApiError, SERVER_ERRORS } from '@tern/api';
import type { ServerErrorCode } from '@tern/api';

/**
 * The server's view of Tern's one error catalogue (packages/api/src/errors/catalogue.ts): the codes
 * it sends, each with its HTTP status and title. Every code is documented in docs/errors.md and has
 * plain-words messages in the UI languages (tests in packages/api check both).
 */
export const ERRORS = SERVER_ERRORS;
export type ErrorCode = ServerErrorCode;

/** A refusal the server sends as `{code, error, message, details}` with the code's status (app.ts). */
export class TernError extends ApiError {
  declare readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(ERRORS[code].status, code, message, details);
    this.name = 'TernError';
  }
}
