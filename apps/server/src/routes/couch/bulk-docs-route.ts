import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EditDoc } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { intakeEdits, intakeRevisions } from '../../ingest/intake.ts';
import type { EditIntakeResult } from '../../ingest/intake.ts';
import { DocIdShape, RevShape, openMission, parseOr400 } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';
import { CouchError } from './couch-errors.ts';
import { storePushedFiles, takeAttachments } from './couch-attachments.ts';
import type { PushedFile } from './couch-attachments.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../attachment-routes.ts';

const Revisions = z.object({
  start: z.number().int().positive(),
  ids: z
    .array(z.string().regex(/^[0-9a-zA-Z]+$/, 'must be a rev hash'))
    .min(1)
    .max(1000),
});
const Doc = z
  .object({
    _id: DocIdShape,
    _rev: RevShape.optional(),
    _revisions: Revisions.optional(),
    _deleted: z.boolean().optional(),
  })
  .loose();
const BulkDocsBody = z
  .object({
    docs: z.array(Doc).max(1000, 'at most 1000 documents per request'),
    new_edits: z.boolean().optional(),
    all_or_nothing: z.literal(false, { message: 'all_or_nothing is not supported' }).optional(),
  })
  .superRefine((b, ctx) => {
    b.docs.forEach((d, i) => {
      // Replicator mode stores the sender's revision as is, so it must name one, consistently.
      if (b.new_edits === false && d._rev === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['docs', i, '_rev'],
          message: 'required when new_edits is false',
        });
      if (d._revisions && d._rev && `${d._revisions.start}-${d._revisions.ids[0]}` !== d._rev)
        ctx.addIssue({
          code: 'custom',
          path: ['docs', i, '_revisions'],
          message: `does not end at _rev ${d._rev}`,
        });
    });
  });

type Result = { id: string; rev?: string; ok?: true; error?: string; reason?: string };

/** A refusal in CouchDB's words: `forbidden` (PouchDB reports it as `denied` and goes on). */
function couchResult(r: EditIntakeResult): Result {
  if (r.ok) return { ok: true, id: r.id, rev: r.rev };
  const rev = r.rev !== undefined ? { rev: r.rev } : {};
  if ('couchError' in r) return { id: r.id, ...rev, error: r.couchError, reason: r.reason };
  return {
    id: r.id,
    ...rev,
    error: 'forbidden',
    reason: `${r.reason} (${r.code}${r.field ? `, field ${r.field}` : ''})`,
  };
}

/**
 * `POST /couch/:db/_bulk_docs`. `new_edits: false` (replicator mode) stores revisions as sent and
 * answers only the failures; it is for replicators (`couch.replicate`: relays, data officers), not
 * interviewers' accounts. `new_edits: true` (the default) makes new Tern revisions or answers
 * `conflict`. Either way every document goes through the one intake path (src/ingest), the same as
 * the compact door's. https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-docs
 */
export async function bulkDocsRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.post<{ Params: { db: string } }>('/:db/_bulk_docs', async (req, reply) => {
    const mission = req.params.db;
    await openMission(req, deps, mission, 'couch.write');
    const body = parseOr400(BulkDocsBody, req.body ?? null, '_bulk_docs body');
    const common = { req, mission, action: 'couch.write' };
    // Files pushed as `_attachments` (decision 168) are taken off and checked first; a document whose
    // files are wrong is refused alone, and its files are stored only once the document is accepted.
    const maxBytes = deps.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    const prepared = body.docs.map((d) => {
      try {
        return takeAttachments(d, maxBytes);
      } catch (e) {
        if (!(e instanceof CouchError)) throw e;
        return {
          refused: { id: d._id, ...(d._rev ? { rev: d._rev } : {}), error: e.error, reason: e.reason },
        };
      }
    });
    if (prepared.some((p) => 'files' in p && p.files.length > 0))
      await deps.authorize(req, 'attachment.write', mission);
    const taken = prepared.flatMap((p) => ('files' in p ? [p] : []));
    const refused = prepared.flatMap((p) => ('refused' in p ? [p.refused as Result] : []));
    const store = deps.store.attachments(mission);
    const keep = async (results: ReadonlyArray<{ ok: boolean }>) => {
      const files: PushedFile[] = results.flatMap((r, i) => (r.ok ? taken[i]!.files : []));
      await storePushedFiles(store, files);
    };

    if (body.new_edits === false) {
      await deps.authorize(req, 'couch.replicate', mission);
      const docs = taken.map(({ doc: d }) => {
        const rev = d._rev as string;
        const [gen, hash] = [Number.parseInt(rev, 10), rev.slice(rev.indexOf('-') + 1)];
        // Without `_revisions` the revision stands alone; the history rule then decides (ingest).
        return { ...d, _rev: rev, _revisions: d._revisions ?? { start: gen, ids: [hash] } } as WireDoc;
      });
      const results =
        docs.length > 0 ? await intakeRevisions(deps, { ...common, origin: 'replicated' }, docs) : [];
      await keep(results);
      const failures = [...refused, ...results.filter((r) => !r.ok).map(couchResult)];
      req.log.info(
        { mission, written: results.filter((r) => r.ok).length, refused: failures.length },
        'couch bulk_docs',
      );
      return reply.status(201).send(failures);
    }

    const docs = taken.map((t) => t.doc as EditDoc);
    const results = docs.length > 0 ? await intakeEdits(deps, { ...common, origin: 'edit' }, docs) : [];
    await keep(results);
    // One answer per document sent, in order: the refused ones where they were.
    let k = 0;
    return reply
      .status(201)
      .send(prepared.map((p) => ('refused' in p ? (p.refused as Result) : couchResult(results[k++]!))));
  });
}
