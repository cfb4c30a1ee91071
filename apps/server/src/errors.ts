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

/**
 * Before an error answer: a streamed answer (a sync pull, a `_changes` feed) that failed before its
 * first byte left was already labelled by the compression hook (`content-encoding: gzip` or `br`),
 * but the error body is not compressed. Left as it was, a client reads a 503 it cannot decode (found by
 * the fault campaign: a full disk when a pull is audited, `npm run soak -- --seed 20261202 --only 9`).
 * The label goes; the compression hook labels the error body anew if it compresses it.
 */
export function unlabelFailedStream(reply: {
  sent: boolean;
  hasHeader(name: string): boolean;
  removeHeader(name: string): unknown;
}): void {
  if (!reply.sent && reply.hasHeader('content-encoding')) reply.removeHeader('content-encoding');
}
