/** The codes of @tern/research. Every code is listed in docs/errors.md ("Research errors"); a test checks. */
export const RESEARCH_ERROR_CODES = [
  'TERN_RESEARCH_UNKNOWN_DIMENSION',
  'TERN_RESEARCH_TOO_MANY_DIMENSIONS',
  'TERN_RESEARCH_BAD_QUERY',
  'TERN_RESEARCH_MISSION_NOT_GRANTED',
  'TERN_RESEARCH_BAD_PARAMETER',
  'TERN_RESEARCH_STORE_FAILED',
  'TERN_RESEARCH_IMPORT_REJECTED',
] as const;

export type ResearchErrorCode = (typeof RESEARCH_ERROR_CODES)[number];

/**
 * The only errors @tern/research throws on purpose. `details` carries what a caller needs to answer
 * well: the allowed dimensions for an unknown one, the rejected lines of an import.
 */
export class ResearchError extends Error {
  constructor(
    readonly code: ResearchErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ResearchError';
  }
}

export const isResearchError = (e: unknown, code?: ResearchErrorCode): e is ResearchError =>
  e instanceof ResearchError && (code === undefined || e.code === code);
