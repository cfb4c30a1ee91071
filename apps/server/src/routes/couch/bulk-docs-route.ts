import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EditDoc } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { DocIdShape, RevShape, openMission, parseOr400 } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';
import { refuseBeforeRev, refuseTernDoc } from './doc-admission.ts';
import { reviewRefusal } from '../../review-rule.ts';
import { autoMerge } from '../../merge/auto-merge.ts';

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

/**
 * `POST /couch/:db/_bulk_docs`. `new_edits: false` (replicator mode) stores revisions as sent and
 * answers only the failures; `new_edits: true` (the default) makes new Tern revisions or answers
 * `conflict`. Every document passes the same admission as on the compact door.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-docs
 */
export async function bulkDocsRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.post<{ Params: { db: string } }>('/:db/_bulk_docs', async (req, reply) => {
    const mission = req.params.db;
    const db = await openMission(req, deps, mission, 'couch.write');
    const body = parseOr400(BulkDocsBody, req.body ?? null, '_bulk_docs body');
    const refused = new Map<number, Result>();
    body.docs.forEach((d, i) => {
      const reason = refuseBeforeRev(d);
      if (reason)
        refused.set(i, { id: d._id, ...(d._rev ? { rev: d._rev } : {}), error: 'forbidden', reason });
    });

    // Approving or returning a record needs the `review` action, behind both doors (review-rule.ts).
    for (const [i, d] of body.docs.entries()) {
      if (refused.has(i) || d.review === undefined) continue;
      const r = reviewRefusal(d as WireDoc, await db.get(d._id), req.principal, mission);
      if (r)
        refused.set(i, {
          id: d._id,
          ...(d._rev ? { rev: d._rev } : {}),
          error: 'forbidden',
          reason: `${r.reason} (${r.code}, field review)`,
        });
    }

    if (body.new_edits === false) {
      const accepted: WireDoc[] = [];
      body.docs.forEach((d, i) => {
        if (refused.has(i)) return;
        const rev = d._rev!;
        const [gen, hash] = [Number.parseInt(rev, 10), rev.slice(rev.indexOf('-') + 1)];
        const doc = { ...d, _rev: rev, _revisions: d._revisions ?? { start: gen, ids: [hash] } } as WireDoc;
        const reason = refuseTernDoc(doc, mission, deps);
        if (reason) refused.set(i, { id: d._id, rev, error: 'forbidden', reason });
        else accepted.push(doc);
      });
      const before = await db.updateSeq();
      const stored = await db.writeReplicated(accepted);
      // The same automatic merge as behind the compact door (docs/decisions/050).
      await autoMerge(
        deps.store,
        mission,
        stored.filter((s) => s.ok).map((s) => s.id),
        { by: req.principal?.username ?? 'couch-replicator' },
        { since: before },
      );
      const failures = stored.filter((s) => !s.ok);
      const results: Result[] = [...refused.values()];
      for (const f of failures)
        results.push({ id: f.id, rev: f.rev, error: f.error ?? 'unknown_error', reason: f.reason ?? '' });
      req.log.info(
        { mission, written: stored.length - failures.length, refused: results.length },
        'couch bulk_docs',
      );
      return reply.status(201).send(results);
    }

    const editable = body.docs.filter((_, i) => !refused.has(i)) as EditDoc[];
    const edited = await db.writeEdits(editable, (doc) => refuseTernDoc(doc, mission, deps));
    let next = 0;
    const results: Result[] = body.docs.map((_, i) => {
      const r = refused.get(i);
      if (r) return r;
      const e = edited[next++]!;
      return e.ok ? { ok: true, id: e.id, rev: e.rev } : { id: e.id, error: e.error, reason: e.reason };
    });
    return reply.status(201).send(results);
  });
}
