import type { FastifyInstance } from 'fastify';
import { SyncRequest } from '@tern/api';
import type { PushResult, WireDoc } from '@tern/sync';
import { TernError } from '../errors.ts';
import { intakeRevisions } from '../ingest/intake.ts';
import type { ServerDeps } from '../deps.ts';
import { getDevice, noteSync } from '../devices/device-registry.ts';
import { retiredError } from './devices-route.ts';
import { pullStream } from './pull-stream.ts';
import { RecordView } from './record-view.ts';

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
    const parsed = SyncRequest.safeParse(req.body);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new TernError('TERN_BAD_REQUEST', `Sync request: ${i.path.join('.') || 'body'}: ${i.message}`);
    }
    const request = parsed.data;
    // A retired device (lost, handed back) stores and pulls nothing more; its user signs in elsewhere.
    const known = await getDevice(deps.store.ops(mission), request.device);
    if (known?.retiredAt !== undefined) {
      await deps.audit.append(req, {
        action: 'sync.push',
        mission,
        outcome: 'denied',
        details: { device: request.device, reason: 'device retired' },
      });
      throw retiredError(request.device, mission);
    }

    const db = deps.store.mission(mission);
    const epoch = await db.epoch();
    const since = await checkSince(db, epoch, request.since);

    // Every document through the one intake path (src/ingest): admission, write, merge, audit.
    const pushed = await intakeRevisions(
      deps,
      {
        req,
        mission,
        origin: 'device',
        action: 'sync.push',
        actor: request.device,
        details: { device: request.device },
      },
      request.docs as WireDoc[],
    );
    // One result per pushed document, in order: two copies of one revision in a batch (one refused,
    // one stored) each get their own answer, never the other's.
    const results: PushResult[] = pushed.map((r) =>
      r.ok
        ? { id: r.id, rev: r.rev, ok: true }
        : {
            id: r.id,
            rev: r.rev ?? '',
            ok: false,
            code: r.code,
            reason: r.reason,
            ...(r.field ? { field: r.field } : {}),
          },
    );
    const rejected = pushed.filter((r) => !r.ok).length;
    req.log.info({ mission, device: request.device, pushed: request.docs.length, rejected }, 'sync push');
    const noted = await noteSync(deps.store.ops(mission), request.device, {
      by: req.principal?.username ?? request.device,
      pushed: request.docs.length,
      rejected,
      ...(request.waiting !== undefined ? { waiting: request.waiting } : {}),
    });
    // The records are stored whatever the device bookkeeping says; a push under another account's
    // device id only leaves that device's status alone, and the audit log says who tried (decision 093).
    if (noted === 'not-yours')
      await deps.audit.append(req, {
        action: 'sync.device',
        mission,
        outcome: 'denied',
        details: { device: request.device, reason: 'device bound to other accounts: status not updated' },
      });

    const stream = pullStream({
      db,
      ops: deps.store.ops(mission),
      results,
      since,
      epoch,
      pullLimit: request.pullLimit,
      view: RecordView.of(req.principal, db, deps.store.ops(mission)),
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

/**
 * A checkpoint is `<epoch>@<seq>` (decision 152): the mission database's epoch, made anew when it is
 * restored from a backup, and a sequence this server handed out (a number not beyond its update
 * sequence, or a CouchDB cluster's opaque `N-…` string). A checkpoint of another epoch (handed out
 * before a restore, or before checkpoints carried the epoch) or anything else is refused, and the
 * device starts again from null and pushes everything it holds again (packages/sync/src/replicator.ts).
 * Returns the sequence to pull from.
 */
export async function checkSince(
  db: { updateSeq(): Promise<string>; readonly opaqueSequences: boolean },
  epoch: string,
  since: string | null,
): Promise<string | null> {
  if (since === null) return null;
  const bad = (why: string) =>
    new TernError(
      'TERN_BAD_CHECKPOINT',
      `since ${JSON.stringify(since.slice(0, 60))} ${why}; sync again from since: null`,
    );
  const m = /^([A-Za-z0-9_-]{1,64})@(.*)$/.exec(since);
  if (!m) {
    if (/^(0|[1-9][0-9]{0,15})$/.test(since))
      throw bad('has no database epoch: it was handed out before an upgrade or a restore of this server');
    throw bad('is not a checkpoint of this server');
  }
  if (m[1] !== epoch)
    throw bad(
      'belongs to another copy of this mission database (it was restored from a backup or made anew since)',
    );
  const seq = m[2]!;
  if (/^[0-9]+-[A-Za-z0-9_-]+$/.test(seq)) {
    if (!db.opaqueSequences)
      throw bad(
        "is a CouchDB cluster's update sequence, and this server's store counts changes with numbers: it was not handed out here",
      );
    return seq;
  }
  if (!/^(0|[1-9][0-9]{0,15})$/.test(seq)) throw bad('is not a checkpoint of this server');
  if (Number(seq) > Number(await db.updateSeq())) throw bad('is beyond what this server holds');
  return seq;
}
