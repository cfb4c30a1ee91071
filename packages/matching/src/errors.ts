/** The codes of @tern/matching. Every code is listed in docs/errors.md ("Matching errors"); a test checks. */
export const MATCHING_ERROR_CODES = ['TERN_MATCHING_BAD_INPUT'] as const;

export type MatchingErrorCode = (typeof MATCHING_ERROR_CODES)[number];

/** The only error @tern/matching throws on purpose; `details` names the record and the field. */
export class MatchingError extends Error {
  constructor(
    readonly code: MatchingErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'MatchingError';
  }
}

export const isMatchingError = (e: unknown): e is MatchingError => e instanceof MatchingError;
