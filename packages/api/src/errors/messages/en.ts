import type { Messages } from './messages.ts';

/** English: the reference wording. Plain words for the person at the screen, not for a developer. */
export const en: Messages = {
  TERN_BAD_REQUEST: 'The request was not understood, so nothing was changed. Tell your administrator.',
  TERN_AUTH_REQUIRED: 'Log in first (while online).',
  TERN_AUTH_EXPIRED: 'Your session has ended: log in again while online. Records on this device are kept.',
  TERN_AUTH_FAILED: 'Wrong username or password.',
  TERN_AUTH_FORBIDDEN: 'Your account may not do this here.',
  TERN_USER_NOT_FOUND: 'There is no account with that username.',
  TERN_CONFLICT: 'It exists already.',
  TERN_RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
  TERN_MISSION_NOT_FOUND: 'The server does not know this mission.',
  TERN_NOT_FOUND: 'Not found: it may have been removed or resolved meanwhile. Reload.',
  TERN_PAYLOAD_TOO_LARGE: 'What was sent is too large for the server. Send less at a time.',
  TERN_CONFLICT_CHANGED: 'Someone synced this record meanwhile: reload and decide again.',
  TERN_FORM_IMPORT_FAILED: 'The form could not be published; nothing was published. See the problems listed.',
  TERN_FORM_WARNINGS:
    'The form can be published, but Tern leaves some things out or does them differently. Read the warnings, then publish with them.',
  TERN_STORE_FAILED: 'The server could not save just now; nothing was lost. Try again later.',
  TERN_INTERNAL: 'The server had a problem. Try again later; if it goes on, tell your administrator.',
  TERN_BAD_CHECKPOINT: 'The sync position was not recognised. Sync again from the start; nothing was lost.',
  TERN_TOO_MANY_FEEDS: 'The server is busy with too many open connections. Try again in a moment.',
  TERN_ORIGIN_REFUSED: 'The request came from another website and was refused.',
  TERN_UNSUPPORTED_MEDIA_TYPE: 'The server expected data in another format. Update the app.',
  TERN_DEVICE_NOT_YOURS: 'This device is registered to another account of the mission.',
  TERN_DEVICE_RETIRED:
    'This device was retired by the mission: it can no longer sync. Nothing on it was deleted. Sign in on a registered device, or ask your data officer.',
  TERN_DOC_INVALID: 'A record is damaged or incomplete and was not accepted.',
  TERN_PROFILE_FIGURE_UNSEALED:
    "A figure citing Tern is not as Tern computed it (changed or made up on a device) and was not accepted. Pull Tern's figures again.",
  TERN_PROFILE_WRONG_COUNTRY:
    'A profile edition belongs to another country (or is not a profile edition) and was not accepted.',
  TERN_DOC_WRONG_MISSION: 'A record belongs to another mission and was not accepted.',
  TERN_REV_MISMATCH: 'A record does not match its own revision (damaged or altered) and was not accepted.',
  TERN_FORM_UNKNOWN: 'The server does not know the form version this record uses.',
  TERN_RESPONSE_INVALID: 'Some answers break a rule of the form: correct them and save again.',
  TERN_STORE_REJECTED: 'The server could not store a record. Tell your data officer.',
  TERN_REVIEW_FORBIDDEN: 'Only a data officer may approve or return a record.',
  TERN_DOC_TOO_LARGE: 'A record is too large or too deeply nested to be accepted.',
  TERN_DOC_RESERVED_FIELD: 'A record carries a field that Tern reserves, so it was not accepted.',
  TERN_REV_HISTORY: "A record's edit history does not match the server's, so it was not accepted.",
  TERN_DELETE_FORBIDDEN: 'Only a data officer may delete a record, and only with a reason.',
  TERN_APPROVED_EDIT: 'This record was approved: an edit must send it back for review.',
  TERN_CASE_NOT_ASSIGNED: 'The case is not assigned to you: ask a data officer to assign it to you.',
  TERN_CASE_ASSIGN_FORBIDDEN: 'Only a data officer may assign, transfer or share a case.',
  TERN_RELAY_AUTHOR_REFUSED:
    'Headquarters did not accept a record the office relay carried: its author is not a member of the mission there.',
  TERN_RESEARCH_BUDGET_EXCEEDED:
    "You have used today's research queries. The budget renews at midnight (UTC).",
  TERN_ATTACHMENT_TOO_LARGE:
    'This file is larger than the mission allows; it was not stored. Attach a smaller file or a lower-resolution photo.',
  TERN_ATTACHMENT_NOT_REFERENCED:
    'No record of this mission names this file yet. Sync the record first, then its files.',
  TERN_ATTACHMENT_RANGE:
    'The upload went out of step with the server; it continues from the bytes the server holds.',
  TERN_EXPORT_TOO_LARGE:
    'This export is too large for one zip file (more than 65,535 files or 4 GB). Export one form at a time.',
  TERN_ATTACHMENT_NOT_AT_RELAY:
    'This file has not reached this office yet. It is asked from headquarters first at the next exchange; open it again later.',
  TERN_ATTACHMENT_DIGEST_MISMATCH:
    'The file arrived damaged (its content does not match); the server discarded it and the upload starts again.',
  TERN_NETWORK: 'Could not reach the server. Check the connection and try again.',
  TERN_HTTP: 'The server refused the request without saying why. Try again later.',
  TERN_RESPONSE_CUT: "The server's answer was cut off. Try again; nothing was applied.",
  TERN_RESPONSE_UNEXPECTED:
    "The server's answer was not what this app expects. Update the app or tell your administrator.",
  TERN_NO_DEVICE_NUMBER:
    'This device has no number in the mission yet, so it cannot make case codes. Connect and log in once.',
  TERN_CASE_TRANSITION: 'The case cannot move to that status from where it is now.',
  TERN_CASE_ASSIGNMENT: 'Choose an interviewer other than the one who holds the case now.',
  TERN_FORMS_DEFINITION_INVALID: 'The form definition is not valid: see the problems listed.',
  TERN_FORMS_EXPRESSION: 'A rule or calculation in the form is not valid.',
  TERN_STORE_BAD_MISSION: 'A mission id may only hold lowercase letters, digits and "-".',
  TERN_STORE_UNAVAILABLE: 'The data store cannot be opened. Tell your administrator.',
  TERN_STORE_NOT_FOUND: 'The record or version asked for is not in the store.',
  TERN_STORE_CONFLICT: 'Someone changed this first. Open it again and redo your change.',
  TERN_STORE_INVALID: 'The store cannot take this document as it is. Tell your administrator.',
  TERN_STORE_DOC_TOO_DEEP: 'The document is nested too deep to be stored. Nothing was changed.',
  TERN_RESEARCH_UNKNOWN_DIMENSION: 'This table cannot use that dimension; choose one of those listed.',
  TERN_RESEARCH_TOO_MANY_DIMENSIONS: 'A table has at most three dimensions.',
  TERN_RESEARCH_BAD_QUERY: 'The query is not well formed; nothing was counted.',
  TERN_RESEARCH_MISSION_NOT_GRANTED: 'You have not been granted research on that mission.',
  TERN_RESEARCH_BAD_PARAMETER:
    'A disclosure setting is out of bounds (k is never below 11). Tell your administrator.',
  TERN_RESEARCH_STORE_FAILED: 'The research figures cannot be computed just now. Try again later.',
  TERN_RESEARCH_IMPORT_REJECTED: 'Nothing was imported: some rows are wrong. See each line and its reason.',
  TERN_DEMOGRAPHY_BAD_INPUT:
    'The projection inputs do not fit together (sizes, rates or conventions); the details say which.',
  TERN_DEMOGRAPHY_IMPORT_REJECTED:
    'Nothing was imported: some rows of the data are wrong. See each row number and its reason.',
  TERN_DEMOGRAPHY_INDICATOR_INVALID:
    'Some indicator values were refused: each needs a known indicator, its unit, a place, a year and a source.',
  TERN_PROFILE_INVALID: 'The profile document is not valid; the details name each wrong field.',
  TERN_PROFILE_IMPORT_REJECTED:
    'Nothing was imported: some rows of the file are wrong. See each line and its reason.',
  TERN_PROFILE_TRANSITION_REFUSED:
    'This step of the edition workflow is not allowed now, or not for your role.',
  TERN_PROFILE_FROZEN: 'This edition is published and can no longer change. Start the next edition to edit.',
  TERN_MATCHING_BAD_INPUT:
    "A person's record cannot be matched: a field is not in the expected form (the details name the record and the field).",
  'HTTP_<status>': 'The server or the network refused the request ({status}). Try again later.',
};
