import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PushResult, WireDoc } from '@tern/sync';
import { TernError } from '../errors.ts';
import { checkDoc, WireDocShape } from '../validate-doc.ts';
import { reviewRefusal } from '../review-rule.ts';
import type { ServerDeps } from '../deps.ts';
import { autoMerge } from '../merge/auto-merge.ts';
import { noteSync } from '../devices/device-registry.ts';
import { pullStream } from './pull-stream.ts';

const SyncRequestShape = z.object({
  protocol: z.literal(1),
  device: z.string().min(1).max(64),
  docs: z.array(WireDocShape).max(1000),
  since: z.string().max(200).nullable(),
  /** At most this many changes per response; the server also ends a page at PULL_PAGE_BYTES (pull-stream.ts). */
  pullLimit: z.number().int().min(0).max(10_000),
  /** How many records the device will still hold unsynced after this batch, for the data officer's view. */
  waiting: z.number().int().min(0).optional(),
});

/**
 * The compact sync door: one round trip pushes a batch and pulls the next changes.
 * Protocol and guarantees: docs/protocol.md.
 */
export async function compactSyncRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.post<{ Params: { mission: string } }>('/api/sync/:mission', async (req, reply) => {
    const { mission } = req.params;
    // Authorise before saying whether the mission exists: its name is not for everyone.
    await deps.authorize(req, 'sync.push', mission);
    await deps.authorize(req, 'sync.pull', mission);
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    const parsed = SyncRequestShape.safeParse(req.body);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new TernError('TERN_BAD_REQUEST', `Sync request: ${i.path.join('.') || 'body'}: ${i.message}`);
    }
    const request = parsed.data;
    const db = deps.store.mission(mission);

    // Check every document first; only valid ones reach the store, each invalid one gets its reason.
    const results = new Map<string, PushResult>();
    const accepted: WireDoc[] = [];
    for (const raw of request.docs) {
      const doc = raw as WireDoc;
      const rejection =
        checkDoc(doc, mission, deps.forms, { verifyRevs: true }) ??
        (doc.review === undefined ? null : reviewRefusal(doc, await db.get(doc._id), req.principal, mission));
      if (rejection)
        results.set(`${doc._id} ${doc._rev}`, { id: doc._id, rev: doc._rev, ok: false, ...rejection });
      else accepted.push(doc);
    }
    const before = await db.updateSeq();
    const stored = await db.writeReplicated(accepted);
    // Both doors merge what does not collide right after the write (docs/decisions/050).
    await autoMerge(
      deps.store,
      mission,
      stored.filter((s) => s.ok).map((s) => s.id),
      { by: request.device },
      { since: before },
    );
    for (const s of stored) {
      results.set(
        `${s.id} ${s.rev}`,
        s.ok
          ? { id: s.id, rev: s.rev, ok: true }
          : {
              id: s.id,
              rev: s.rev,
              ok: false,
              code: 'TERN_STORE_REJECTED',
              reason: `${s.error}: ${s.reason}`,
            },
      );
    }
    const rejected = [...results.values()].filter((r) => !r.ok).length;
    req.log.info({ mission, device: request.device, pushed: request.docs.length, rejected }, 'sync push');
    await noteSync(deps.store.ops(mission), request.device, {
      by: req.principal?.username ?? request.device,
      pushed: request.docs.length,
      rejected,
      ...(request.waiting !== undefined ? { waiting: request.waiting } : {}),
    });

    // Who sent which records: ids and counts only, never bodies. The pull is audited when it has gone out.
    await deps.audit.append(req, {
      action: 'sync.push',
      mission,
      outcome: 'ok',
      details: {
        device: request.device,
        pushed: request.docs.length,
        rejected,
        stored: stored.filter((s) => s.ok).map((s) => `${s.id} ${s.rev}`),
      },
    });
    const stream = pullStream({
      db,
      ops: deps.store.ops(mission),
      results: request.docs.map((d) => results.get(`${d._id} ${d._rev}`)!),
      since: request.since,
      pullLimit: request.pullLimit,
      pushedNow: new Set(request.docs.map((d) => `${d._id} ${d._rev}`)),
      onComplete: (pulled) =>
        deps.audit.append(req, {
          action: 'sync.pull',
          mission,
          outcome: 'ok',
          details: { device: request.device, pulled },
        }),
    });
    return reply.type('application/json; charset=utf-8').send(stream);
  });
}
