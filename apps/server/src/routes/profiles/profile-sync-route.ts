import type { FastifyInstance } from 'fastify';
import { SyncRequest } from '@tern/api';
import type { WireDoc } from '@tern/sync';
import type { ServerDeps } from '../../deps.ts';
import { TernError } from '../../errors.ts';
import { StoredState } from '../../ingest/stored-state.ts';
import { admitProfileDoc } from '../../profiles/profile-admission.ts';
import type { ProfileRejection } from '../../profiles/profile-admission.ts';
import { readAccess } from '../../profiles/profile-access.ts';
import { mergeProfileBranches } from '../../profiles/profile-merge.ts';
import { checkSince } from '../compact-sync-route.ts';
import { PULL_PAGE_BYTES } from '../pull-stream.ts';

type Result =
  { id: string; rev: string; ok: true } | ({ id: string; rev: string; ok: false } & ProfileRejection);

/**
 * The profile sync door (decision 155): `POST /api/profiles/:country/sync` takes the compact door's
 * request (`{protocol, device, docs, since, pullLimit}`) and answers in its shape (`results`, `changes`,
 * `checkpoint`, `more`, plus `conflicts`) on the country's own database. Every pushed revision passes
 * `admitProfileDoc` (the package's `checkEdit` for the caller's roles on the country); admitted ones
 * are stored with their history and branches merged where they do not collide. Docs: docs/protocol.md.
 */
export async function profileSyncRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.post<{ Params: { country: string } }>('/api/profiles/:country/sync', async (req) => {
    const { country, roles } = await readAccess(deps, req);
    const parsed = SyncRequest.safeParse(req.body);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new TernError('TERN_BAD_REQUEST', `Sync request: ${i.path.join('.') || 'body'}: ${i.message}`);
    }
    const request = parsed.data;
    const docs = request.docs as WireDoc[];
    const db = deps.store.profile(country);
    const epoch = await db.epoch();
    const since = await checkSince(db, epoch, request.since);

    const stored = await StoredState.read(
      db,
      docs.map((d) => d._id),
    );
    const actor = { by: req.principal!.username, roles };
    const results: Result[] = [];
    const accepted: WireDoc[] = [];
    for (const doc of docs) {
      const refused = await admitProfileDoc(db, country, doc, actor, stored, deps.profileFigureSeal);
      if (refused) results.push({ id: doc._id, rev: doc._rev, ok: false, ...refused });
      else {
        accepted.push(doc);
        results.push({ id: doc._id, rev: doc._rev, ok: true });
      }
    }
    const written = await db.writeReplicated(accepted);
    for (const w of written.filter((x) => !x.ok)) {
      const i = results.findIndex((r) => r.id === w.id && r.rev === w.rev);
      results[i] = {
        id: w.id,
        rev: w.rev,
        ok: false,
        code: 'TERN_STORE_REJECTED',
        reason: `${w.error ?? 'unknown_error'}: ${w.reason ?? 'the store did not answer'}`,
      };
    }
    const conflicts = await mergeProfileBranches(db, [
      ...new Set(written.filter((w) => w.ok).map((w) => w.id)),
    ]);
    const pushedNow = new Set(accepted.map((d) => `${d._id} ${d._rev}`));
    const page = await db.changesSince(since, request.pullLimit, PULL_PAGE_BYTES);
    const changes = page.docs.filter((d) => !pushedNow.has(`${d._id} ${d._rev}`));
    await deps.audit.append(req, {
      action: 'profile.sync',
      mission: null,
      outcome: 'ok',
      details: {
        country,
        device: request.device,
        pushed: docs.length,
        stored: results.filter((r) => r.ok).map((r) => `${r.id} ${r.rev}`),
        refused: results.filter((r) => !r.ok).map((r) => `${r.id} ${r.rev} ${r.code}`),
        pulled: changes.length,
        conflicts: conflicts.map((c) => c.id),
      },
    });
    return {
      results,
      changes,
      checkpoint: `${epoch}@${page.lastSeq}`,
      more: page.more,
      conflicts,
    };
  });
}
