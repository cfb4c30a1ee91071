import type { WireDoc } from '@tern/sync';
import type { ServerDeps } from '../../deps.ts';
import { checkDoc } from '../../validate-doc.ts';

/** Special fields a replicated or edited Tern document may carry; CouchDB reserves every other `_` key. */
const ALLOWED_SPECIAL = new Set(['_id', '_rev', '_revisions', '_deleted']);

/**
 * Why a document written through the CouchDB door may not be stored, or null. Answered to the client
 * as `{id, error: 'forbidden', reason}`, the shape of a CouchDB validate_doc_update rejection, which
 * PouchDB's replicator reports as `denied` and goes on. The Tern checks are the compact door's
 * (`checkDoc`), without rev verification: other replicators hash revisions their own way.
 */
export function refuseBeforeRev(doc: Record<string, unknown> & { _id: string }): string | null {
  if (doc._id.startsWith('_design/'))
    return 'Design documents are not accepted: Tern runs no views or validation functions from documents';
  if (doc._id.startsWith('_local/'))
    return 'Write _local documents with PUT /couch/:db/_local/:id, not through _bulk_docs';
  if ('_attachments' in doc) return 'Attachments are not accepted: Tern documents carry no attachments';
  const special = Object.keys(doc).find((k) => k.startsWith('_') && !ALLOWED_SPECIAL.has(k));
  if (special)
    return `Special field ${special} is not accepted (allowed: ${[...ALLOWED_SPECIAL].join(', ')})`;
  return null;
}

/** The shared Tern validation, as a reason string for a CouchDB `forbidden` result. */
export function refuseTernDoc(doc: WireDoc, mission: string, deps: ServerDeps): string | null {
  const r = checkDoc(doc, mission, deps.forms, { verifyRevs: false });
  return r ? `${r.reason} (${r.code}${r.field ? `, field ${r.field}` : ''})` : null;
}
