import type { DocRejection } from './rejection.ts';

/**
 * CouchDB reserves every top-level field starting with `_`. A Tern record may carry only these four;
 * anything else would either be taken by the store as an instruction (`_attachments` makes PouchDB
 * store an attachment that breaks every replicator pulling the mission afterwards) or fail inside the
 * store and take the whole batch with it (`_purged`, `_foo`). Refused here, one document at a time.
 * https://docs.couchdb.org/en/stable/api/document/common.html#special-fields
 */
export const ALLOWED_SPECIAL = ['_id', '_rev', '_revisions', '_deleted'] as const;
const allowed = new Set<string>(ALLOWED_SPECIAL);

export function reservedFieldRejection(doc: Record<string, unknown>): DocRejection | null {
  const id = doc._id;
  if (typeof id === 'string' && id.startsWith('_design/'))
    return {
      code: 'TERN_DOC_RESERVED_FIELD',
      reason: 'Design documents are not accepted: Tern runs no views or validation functions from documents',
      field: '_id',
    };
  if (typeof id === 'string' && id.startsWith('_local/'))
    return {
      code: 'TERN_DOC_RESERVED_FIELD',
      reason: 'Write _local documents with PUT /couch/:db/_local/:id, not with the records',
      field: '_id',
    };
  const special = Object.keys(doc).find((k) => k.startsWith('_') && !allowed.has(k));
  if (special === undefined) return null;
  return {
    code: 'TERN_DOC_RESERVED_FIELD',
    reason:
      special === '_attachments'
        ? 'Attachments are not accepted: Tern records carry no attachments'
        : `Special field ${special} is not accepted (allowed: ${ALLOWED_SPECIAL.join(', ')})`,
    field: special,
  };
}
