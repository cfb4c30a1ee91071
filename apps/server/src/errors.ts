/**
 * The server's error catalogue: one stable code per failure, with its HTTP status.
 * Every code is documented in docs/errors.md (a test checks that).
 */
export const ERRORS = {
  TERN_BAD_REQUEST: { status: 400, title: 'The request is malformed' },
  TERN_AUTH_REQUIRED: { status: 401, title: 'Log in first' },
  TERN_AUTH_EXPIRED: { status: 401, title: 'The session has expired' },
  TERN_AUTH_FAILED: { status: 401, title: 'Wrong username or password' },
  TERN_AUTH_FORBIDDEN: { status: 403, title: 'Your role does not allow this here' },
  TERN_USER_NOT_FOUND: { status: 404, title: 'No such account' },
  TERN_CONFLICT: { status: 409, title: 'It exists already' },
  TERN_RATE_LIMITED: { status: 429, title: 'Too many attempts' },
  TERN_MISSION_NOT_FOUND: { status: 404, title: 'No such mission' },
  TERN_NOT_FOUND: { status: 404, title: 'Not found' },
  TERN_PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  TERN_CONFLICT_CHANGED: { status: 409, title: 'The document changed since it was shown' },
  TERN_FORM_IMPORT_FAILED: { status: 422, title: 'The form could not be published' },
  TERN_STORE_FAILED: { status: 503, title: 'The store could not complete the write' },
  TERN_INTERNAL: { status: 500, title: 'Internal error' },
  TERN_BAD_CHECKPOINT: { status: 400, title: 'The checkpoint was not given by this server' },
  TERN_TOO_MANY_FEEDS: { status: 429, title: 'Too many open change feeds' },
  TERN_ORIGIN_REFUSED: { status: 403, title: 'The request comes from another site' },
  TERN_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The body must be JSON' },
  TERN_DEVICE_NOT_YOURS: { status: 403, title: 'The device is registered to another account' },
  // Per-document rejections inside a sync response (HTTP 200 overall).
  TERN_DOC_INVALID: { status: 422, title: 'The document is not a valid Tern document' },
  TERN_DOC_WRONG_MISSION: { status: 422, title: 'The document belongs to another mission' },
  TERN_REV_MISMATCH: { status: 422, title: 'The revision id does not match the document' },
  TERN_FORM_UNKNOWN: { status: 422, title: 'The form version is not known to this server' },
  TERN_RESPONSE_INVALID: { status: 422, title: 'The answers break a rule of the form' },
  TERN_STORE_REJECTED: { status: 422, title: 'The store refused the document' },
  TERN_REVIEW_FORBIDDEN: { status: 422, title: 'Only a data officer may approve or return a record' },
  TERN_DOC_TOO_LARGE: { status: 422, title: 'The document is nested too deep or too large' },
  TERN_DOC_RESERVED_FIELD: { status: 422, title: 'The document carries a reserved field' },
  TERN_REV_HISTORY: { status: 422, title: 'The revision history does not connect to the stored document' },
  TERN_DELETE_FORBIDDEN: { status: 422, title: 'Only a data officer may delete a record, with a reason' },
  TERN_APPROVED_EDIT: { status: 422, title: 'An approved record must go back to review when edited' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class TernError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'TernError';
    this.status = ERRORS[code].status;
  }
}
