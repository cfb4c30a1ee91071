import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { LOCAL_ERRORS } from '@tern/api';
import { isResearchError } from '@tern/research';
import type { ResearchErrorCode } from '@tern/research';
import { TernError } from '../errors.ts';

/**
 * The HTTP status of each @tern/research code (docs/errors.md, "Research errors"). A bad parameter is
 * the server's configuration, not the researcher's request, but it can only come from a request's
 * values here (k is checked at start), so it is a 400 as well.
 */
export const RESEARCH_STATUS: Record<ResearchErrorCode, number> = {
  TERN_RESEARCH_UNKNOWN_DIMENSION: 400,
  TERN_RESEARCH_TOO_MANY_DIMENSIONS: 400,
  TERN_RESEARCH_BAD_QUERY: 400,
  TERN_RESEARCH_MISSION_NOT_GRANTED: 403,
  TERN_RESEARCH_BAD_PARAMETER: 400,
  TERN_RESEARCH_STORE_FAILED: 503,
  TERN_RESEARCH_IMPORT_REJECTED: 422,
};

/**
 * The research routes' error handler: a ResearchError becomes the Tern error body with its status;
 * anything else is thrown on to the app's one handler (app.ts), as Fastify does for a child's handler
 * (an over-budget refusal first gets its `Retry-After`).
 */
export function researchErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof TernError && err.code === 'TERN_RESEARCH_BUDGET_EXCEEDED')
    void reply.header(
      'retry-after',
      String((err.details as { retryAfterSeconds: number }).retryAfterSeconds),
    );
  if (!isResearchError(err)) throw err;
  const status = RESEARCH_STATUS[err.code];
  if (status >= 500) req.log.error({ err, code: err.code }, err.message);
  else req.log.warn({ code: err.code }, err.message);
  return reply.status(status).send({
    code: err.code,
    error: LOCAL_ERRORS[err.code].title,
    message: err.message,
    ...(err.details !== undefined ? { details: err.details } : {}),
  });
}
