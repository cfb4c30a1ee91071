/** The codes of @tern/profiles. Every code is listed in docs/errors.md ("Profile errors"); a test checks. */
export const PROFILE_ERROR_CODES = [
  'TERN_PROFILE_INVALID',
  'TERN_PROFILE_IMPORT_REJECTED',
  'TERN_PROFILE_TRANSITION_REFUSED',
  'TERN_PROFILE_FROZEN',
] as const;

export type ProfileErrorCode = (typeof PROFILE_ERROR_CODES)[number];

/**
 * The only errors @tern/profiles throws on purpose. `details` carries what a caller needs: the
 * rejected rows of an import (each with its line and reason), the schema issues of a document, the
 * refused transition.
 */
export class ProfileError extends Error {
  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

export const isProfileError = (e: unknown, code?: ProfileErrorCode): e is ProfileError =>
  e instanceof ProfileError && (code === undefined || e.code === code);
