/** The codes of @tern/demography. Every code is listed in docs/errors.md ("Demography errors"); a test checks. */
export const DEMOGRAPHY_ERROR_CODES = [
  'TERN_DEMOGRAPHY_BAD_INPUT',
  'TERN_DEMOGRAPHY_IMPORT_REJECTED',
  'TERN_DEMOGRAPHY_INDICATOR_INVALID',
] as const;

export type DemographyErrorCode = (typeof DEMOGRAPHY_ERROR_CODES)[number];

/**
 * The only errors @tern/demography throws on purpose. `details` carries what a caller needs: the
 * rejected rows of an import (each with its row number and reason), the offending indicator values.
 */
export class DemographyError extends Error {
  constructor(
    readonly code: DemographyErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DemographyError';
  }
}

export const isDemographyError = (e: unknown, code?: DemographyErrorCode): e is DemographyError =>
  e instanceof DemographyError && (code === undefined || e.code === code);
