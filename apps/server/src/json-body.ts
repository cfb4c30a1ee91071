import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TernError } from './errors.ts';

/**
 * How deep a JSON body may nest. Tern documents reach about 12 levels (a repeat inside a form inside
 * a submission); 64 leaves room for any honest client. Much deeper JSON is an attack: the store's JSON
 * encoding recurses per level and overflows the stack near 4,200 levels (issue 11, item 1), and an
 * overflow can escape the request and end the process.
 */
export const JSON_MAX_DEPTH = 64;

/**
 * The deepest `[`/`{` nesting of a JSON text, counted outside strings, or the first depth past
 * `limit` (the scan stops there). Linear, no allocation: it runs BEFORE JSON.parse builds anything
 * (a fifth of JSON.parse's time on an 8 MiB sync body; docs/decisions/093-server-hardening.md).
 * Malformed text is left to the parser; this only measures depth.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return max;
}

type Done = (err: Error | null, body?: unknown) => void;

/**
 * Replace this instance's `application/json` parser by Fastify's own (prototype-poisoning safe) parser
 * behind the depth guard. With `emptyIsNoBody` an empty body parses as "no body" (CouchDB clients
 * send the JSON content type on bodiless requests). Errors are TernErrors: 400 `TERN_BAD_REQUEST`,
 * which the CouchDB door turns into its `bad_request` shape.
 */
export function installJsonParser(
  app: FastifyInstance,
  opts: { maxDepth: number; emptyIsNoBody?: boolean },
): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  if (app.hasContentTypeParser('application/json')) app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (req: FastifyRequest, body: string | Buffer, done: Done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (opts.emptyIsNoBody && text.trim() === '') return done(null, undefined);
      if (jsonDepth(text, opts.maxDepth) > opts.maxDepth) {
        return done(
          new TernError(
            'TERN_BAD_REQUEST',
            `The JSON body nests deeper than ${opts.maxDepth} levels; Tern documents never do`,
          ),
        );
      }
      return parse(req, text, done);
    },
  );
}
