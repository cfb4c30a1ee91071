import type { FastifyInstance } from 'fastify';

/**
 * The routes whose requests carry or build many documents at once: the compact door's sync and the
 * CouchDB door's bulk reads and writes. Their memory is their documents, parsed, checked and copied.
 */
const DOCUMENT_ROUTES = new Set(['/api/sync/:mission', '/couch/:db/_bulk_docs', '/couch/:db/_bulk_get']);

/**
 * At most `limit` document-carrying requests are worked on at once; the next ones wait, first come
 * first served, before their bodies are read (a waiting request holds its socket, not its documents).
 * Each request's memory is bounded by the body and page limits, so this bounds the total whatever the
 * number of devices (docs/decisions/097-sync-under-load.md). A slot is given back when the response
 * is finished or the connection closes, waiting or not.
 */
export function installRequestGate(app: FastifyInstance, limit: number): void {
  let active = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    const wake = waiting.shift();
    if (wake) wake();
    else active -= 1;
  };
  app.addHook('onRequest', async (req, reply) => {
    if (!DOCUMENT_ROUTES.has(req.routeOptions.url ?? '')) return;
    let holding = false;
    let gone = false;
    reply.raw.once('close', () => {
      gone = true;
      if (holding) next();
    });
    if (active < limit) active += 1;
    else await new Promise<void>((wake) => waiting.push(wake));
    // The slot is this request's now (a release hands it over without counting down). A client that
    // hung up while waiting gets nothing worked on.
    if (gone) {
      next();
      return reply.hijack();
    }
    holding = true;
  });
}
