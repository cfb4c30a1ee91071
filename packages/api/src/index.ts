/**
 * @tern/api: the HTTP contract shared by the web app and the server. The error catalogue with its
 * plain-words messages, one ApiError, one fetch helper, and a zod schema of every JSON body.
 * Imports no framework. `"sideEffects": false`: a bundle that imports ApiError or fetchJson keeps
 * no schema it does not use.
 */
export {
  SERVER_ERRORS,
  LOCAL_ERRORS,
  HTTP_FAMILY,
  ERROR_CODES,
  catalogueKey,
  isErrorCode,
  isServerErrorCode,
} from './errors/catalogue.ts';
export type { CatalogueKey, ErrorCode, LocalErrorCode, ServerErrorCode } from './errors/catalogue.ts';
export { MESSAGE_LANGUAGES, errorMessage, loadErrorMessages } from './errors/error-message.ts';
export type { MessageLanguage } from './errors/error-message.ts';
export { MESSAGES } from './errors/messages/all.ts';
export type { Messages } from './errors/messages/messages.ts';
export { ApiError } from './api-error.ts';
export { apiResponse, fetchJson } from './fetch-json.ts';
export type { ApiRequest } from './fetch-json.ts';

export * from './schemas/common.ts';
export * from './schemas/auth.ts';
export * from './schemas/accounts.ts';
export * from './schemas/missions.ts';
export * from './schemas/devices.ts';
export * from './schemas/records.ts';
export * from './schemas/forms.ts';
export * from './schemas/conflicts.ts';
export * from './schemas/export.ts';
export * from './schemas/audit.ts';
export * from './schemas/matching.ts';
export * from './schemas/sync.ts';
export * from './schemas/submission.ts';
export * from './schemas/deletion.ts';
export * from './schemas/research.ts';
export * from './schemas/profiles.ts';
export * from './schemas/demography.ts';
