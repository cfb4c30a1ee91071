import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { LOCAL_ERRORS } from '@tern/api';
import { isDemographyError } from '@tern/demography';

/**
 * The demography routes' error handler: @tern/demography's refusals keep their own code and details
 * (an import's `details.rejected`: file, row, column, reason) in the Tern error body, with 422 — the
 * request was well formed, the data in it is not. Anything else goes on to the app's one handler.
 */
export function demographyErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (!isDemographyError(err)) throw err;
  req.log.warn({ code: err.code }, 'demography input refused');
  return reply.status(422).send({
    code: err.code,
    error: LOCAL_ERRORS[err.code].title,
    message: err.message,
    ...(err.details !== undefined ? { details: err.details } : {}),
  });
}
