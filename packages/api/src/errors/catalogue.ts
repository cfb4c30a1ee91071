/**
 * Tern's one error catalogue: every stable code any part of Tern raises, with who raises it. Codes
 * never change meaning once shipped; devices and scripts act on them. Every code is documented in
 * docs/errors.md and has a plain-words message in each UI language (./messages); tests check both,
 * and that no `TERN_…` literal in apps/ or packages/ is missing here.
 */

/** Codes the server sends as `{code, message, details?}` with this HTTP status. */
export const SERVER_ERRORS = {
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
  TERN_FORM_WARNINGS: { status: 422, title: 'The form has warnings to acknowledge before it is published' },
  TERN_STORE_FAILED: { status: 503, title: 'The store could not complete the write' },
  TERN_INTERNAL: { status: 500, title: 'Internal error' },
  TERN_BAD_CHECKPOINT: { status: 400, title: 'The checkpoint was not given by this server' },
  TERN_TOO_MANY_FEEDS: { status: 429, title: 'Too many open change feeds' },
  TERN_ORIGIN_REFUSED: { status: 403, title: 'The request comes from another site' },
  TERN_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The body must be JSON' },
  TERN_DEVICE_NOT_YOURS: { status: 403, title: 'The device is registered to another account' },
  TERN_DEVICE_RETIRED: { status: 403, title: 'The device was retired' },
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
  TERN_CASE_NOT_ASSIGNED: { status: 422, title: 'The case is not assigned to you' },
  TERN_CASE_ASSIGN_FORBIDDEN: { status: 422, title: 'Only a data officer may assign or share a case' },
  TERN_RELAY_AUTHOR_REFUSED: {
    status: 422,
    title: 'The relay carried a write by an account that may not make it',
  },
  TERN_RESEARCH_BUDGET_EXCEEDED: { status: 429, title: "Today's research queries are used up" },
  // Files of media answers (decision 125).
  TERN_ATTACHMENT_TOO_LARGE: { status: 413, title: 'The file is over the size limit' },
  TERN_ATTACHMENT_NOT_REFERENCED: { status: 422, title: 'No record of the mission names this file' },
  TERN_ATTACHMENT_RANGE: { status: 416, title: 'The chunk does not start where the server’s bytes end' },
  TERN_ATTACHMENT_DIGEST_MISMATCH: { status: 422, title: 'The file’s bytes do not match its sha-256' },
  // A mission relay asked for a file headquarters holds and it does not yet (decision 230).
  TERN_ATTACHMENT_NOT_AT_RELAY: { status: 404, title: 'The file has not reached the relay yet' },
  // Migration Profiles on the server (issue 15): a pushed document of another country's profile.
  TERN_PROFILE_WRONG_COUNTRY: {
    status: 422,
    title: 'The document is not an edition of this country’s profile',
  },
  // A figure citing Tern that the server did not compute or seal as it stands (decision 212).
  TERN_PROFILE_FIGURE_UNSEALED: { status: 422, title: 'A figure citing Tern is not as Tern computed it' },
  TERN_EXPORT_TOO_LARGE: { status: 413, title: 'The export is too large for one zip' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/**
 * Codes raised on the device or inside a package, never sent by the server as an HTTP error
 * (a package code may still travel as the reason of a per-document rejection).
 */
export const LOCAL_ERRORS = {
  // The fetch helper and the sync client (@tern/api, @tern/sync).
  TERN_NETWORK: { raisedBy: 'device', title: 'The server could not be reached' },
  TERN_HTTP: { raisedBy: 'device', title: 'The server refused without a Tern error body' },
  TERN_RESPONSE_CUT: { raisedBy: 'device', title: "The server's answer was cut off" },
  TERN_RESPONSE_UNEXPECTED: { raisedBy: 'device', title: "The server's answer is not what this app expects" },
  // The web app.
  TERN_NO_DEVICE_NUMBER: { raisedBy: 'device', title: 'This device has no number in the mission yet' },
  // Packages.
  TERN_CASE_TRANSITION: { raisedBy: '@tern/cases', title: 'The case lifecycle does not allow this move' },
  TERN_CASE_ASSIGNMENT: { raisedBy: '@tern/cases', title: 'The case cannot be assigned that way' },
  TERN_FORMS_DEFINITION_INVALID: { raisedBy: '@tern/forms', title: 'The form definition is not valid' },
  TERN_FORMS_EXPRESSION: { raisedBy: '@tern/forms', title: 'An expression of the form is not valid' },
  TERN_STORE_BAD_MISSION: { raisedBy: '@tern/store', title: 'The mission id is not valid' },
  TERN_STORE_UNAVAILABLE: { raisedBy: '@tern/store', title: 'The store cannot be opened' },
  TERN_STORE_NOT_FOUND: { raisedBy: '@tern/store', title: 'No such document or revision in the store' },
  TERN_STORE_CONFLICT: { raisedBy: '@tern/store', title: 'Someone wrote the document first' },
  TERN_STORE_INVALID: { raisedBy: '@tern/store', title: 'The store cannot take the document as given' },
  TERN_STORE_DOC_TOO_DEEP: { raisedBy: '@tern/store', title: 'The document is nested too deep to store' },
  // Research on trends (@tern/research); the server maps them to HTTP when it wires the research routes.
  TERN_RESEARCH_UNKNOWN_DIMENSION: { raisedBy: '@tern/research', title: 'No such research dimension' },
  TERN_RESEARCH_TOO_MANY_DIMENSIONS: { raisedBy: '@tern/research', title: 'At most three dimensions' },
  TERN_RESEARCH_BAD_QUERY: { raisedBy: '@tern/research', title: 'The research query is not well formed' },
  TERN_RESEARCH_MISSION_NOT_GRANTED: {
    raisedBy: '@tern/research',
    title: 'Mission not granted for research',
  },
  TERN_RESEARCH_BAD_PARAMETER: {
    raisedBy: '@tern/research',
    title: 'A disclosure parameter is out of bounds',
  },
  TERN_RESEARCH_STORE_FAILED: { raisedBy: '@tern/research', title: 'The analytics store could not answer' },
  TERN_RESEARCH_IMPORT_REJECTED: { raisedBy: '@tern/research', title: 'The import has rejected rows' },
  // Population projections and migration indicators (@tern/demography).
  TERN_DEMOGRAPHY_BAD_INPUT: {
    raisedBy: '@tern/demography',
    title: 'The projection inputs do not fit together',
  },
  TERN_DEMOGRAPHY_IMPORT_REJECTED: {
    raisedBy: '@tern/demography',
    title: 'The demographic data has rejected rows',
  },
  TERN_DEMOGRAPHY_INDICATOR_INVALID: {
    raisedBy: '@tern/demography',
    title: 'An indicator value breaks its definition',
  },
  // Migration Profiles (@tern/profiles).
  TERN_PROFILE_INVALID: { raisedBy: '@tern/profiles', title: 'The profile document is not valid' },
  TERN_PROFILE_IMPORT_REJECTED: { raisedBy: '@tern/profiles', title: 'The indicator file has rejected rows' },
  TERN_PROFILE_TRANSITION_REFUSED: {
    raisedBy: '@tern/profiles',
    title: 'The edition workflow does not allow this step',
  },
  TERN_PROFILE_FROZEN: { raisedBy: '@tern/profiles', title: 'A published edition does not change' },
  // Matching one person across missions (@tern/matching).
  TERN_MATCHING_BAD_INPUT: {
    raisedBy: '@tern/matching',
    title: 'A person record cannot be matched as it is',
  },
} as const satisfies Record<string, { raisedBy: string; title: string }>;

export type LocalErrorCode = keyof typeof LOCAL_ERRORS;

/**
 * `HTTP_<status>`: a refusal without a Tern error body (a proxy's error page, say). One family
 * entry stands for every status; `catalogueKey` maps `HTTP_502` to it.
 */
export const HTTP_FAMILY = 'HTTP_<status>';

export type ErrorCode = ServerErrorCode | LocalErrorCode;
export type CatalogueKey = ErrorCode | typeof HTTP_FAMILY;

export const ERROR_CODES = [
  ...Object.keys(SERVER_ERRORS),
  ...Object.keys(LOCAL_ERRORS),
] as readonly ErrorCode[];

export const isErrorCode = (code: string): code is ErrorCode =>
  Object.hasOwn(SERVER_ERRORS, code) || Object.hasOwn(LOCAL_ERRORS, code);

export const isServerErrorCode = (code: string): code is ServerErrorCode =>
  Object.hasOwn(SERVER_ERRORS, code);

/** The catalogue entry a code belongs to (`HTTP_404` → the family), or null for an unknown code. */
export function catalogueKey(code: string): CatalogueKey | null {
  if (isErrorCode(code)) return code;
  return /^HTTP_\d{3}$/.test(code) ? HTTP_FAMILY : null;
}
