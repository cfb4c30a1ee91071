import type { FastifyRequest } from 'fastify';
import type { CouchDeps } from './couch-request.ts';

/**
 * What left through the CouchDB door, for the audit log (docs/security.md, "Audit log"): every read that
 * carries record bodies (`_bulk_get`, a document GET, `_changes?include_docs=true`) is one `couch.read`
 * entry with the `id rev` pairs sent, as the compact door's `sync.pull` entry is. Ids and revs only,
 * never bodies. `_changes` without documents, `_revs_diff` and checkpoints carry no record content and
 * are not entries (a live replication polls them every few seconds).
 */
export async function auditCouchRead(
  deps: CouchDeps,
  req: FastifyRequest,
  mission: string,
  route: string,
  pulled: string[],
): Promise<void> {
  if (pulled.length === 0) return;
  await deps.audit.append(req, { action: 'couch.read', mission, outcome: 'ok', details: { route, pulled } });
}

/** `id rev` of every document in a `_bulk_get` answer or an `open_revs` list (`{ok: doc}` entries). */
export function okPairs(entries: unknown[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    const ok = (e as { ok?: { _id?: unknown; _rev?: unknown } }).ok;
    if (ok && typeof ok._id === 'string' && typeof ok._rev === 'string') out.push(`${ok._id} ${ok._rev}`);
  }
  return out;
}
