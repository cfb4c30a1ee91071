import type { FastifyRequest } from 'fastify';
import type { EditDoc } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { TernError } from '../errors.ts';
import type { ServerDeps } from '../deps.ts';
import { autoMerge } from '../merge/auto-merge.ts';
import { admit, admitEdit, prepareEdits } from './admission.ts';
import type { AdmissionContext } from './admission.ts';
import type { DocRejection } from './rejection.ts';
import { carriedResolver } from '../relay/carried-authors.ts';

/** What happened to one document of a batch, in the intake's words; each door translates it. */
export type IntakeResult =
  { id: string; rev: string; ok: true } | ({ id: string; rev: string | undefined; ok: false } & DocRejection);

export interface IntakeRequest extends Omit<AdmissionContext, 'principal' | 'forms'> {
  /** The HTTP request, for the principal and the audit log. */
  req: FastifyRequest;
  /** The audit action of the door (`sync.push`, `couch.write`). */
  action: string;
  /** Extra audit details from the door (device id, counts). Ids and counts only, never bodies. */
  details?: Record<string, unknown>;
  /** Who the merge records name as having caused a merge (the device id on the compact door). */
  actor?: string;
}

/**
 * THE way in for every document, whichever door it came through (docs/decisions/080-one-intake.md):
 * admission (admission.ts), the write, the automatic merge (docs/decisions/050), and the audit entry.
 * A door parses its wire format, calls this, and words the results its own way. A new door (the
 * relay) gets every rule by calling it.
 */
export async function intakeRevisions(
  deps: ServerDeps,
  r: IntakeRequest,
  docs: WireDoc[],
): Promise<IntakeResult[]> {
  const db = deps.store.mission(r.mission);
  const rejections = await admit(db, docs, await context(deps, r, docs));
  const accepted = docs.filter((_, i) => rejections[i] === null);
  const stored = await storeOr503(() => db.writeReplicated(accepted));
  const byRev = new Map(stored.map((s) => [`${s.id} ${s.rev}`, s]));
  await autoMerge(
    deps.store,
    r.mission,
    stored.filter((s) => s.ok).map((s) => s.id),
    { by: r.actor ?? r.req.principal?.username ?? 'couch-replicator' },
    { onlyBranched: true },
  );
  const results = docs.map((doc, i): IntakeResult => {
    const refused = rejections[i];
    if (refused) return { id: doc._id, rev: doc._rev, ok: false, ...refused };
    const s = byRev.get(`${doc._id} ${doc._rev}`);
    if (s?.ok) return { id: doc._id, rev: doc._rev, ok: true };
    return {
      id: doc._id,
      rev: doc._rev,
      ok: false,
      code: 'TERN_STORE_REJECTED',
      reason: `${s?.error ?? 'unknown_error'}: ${s?.reason ?? 'the store did not answer'}`,
    };
  });
  await audit(deps, r, results);
  return results;
}

/** An interactive edit's outcome: intake's, or CouchDB's own `conflict` for a stale `_rev`. */
export type EditIntakeResult =
  IntakeResult | { id: string; rev: string | undefined; ok: false; couchError: string; reason: string };

/**
 * Interactive edits (CouchDB door, `new_edits:true`): the store computes each revision from the
 * current leaf; admission checks what the client sent, then each planned revision.
 */
export async function intakeEdits(
  deps: ServerDeps,
  r: IntakeRequest,
  docs: EditDoc[],
): Promise<EditIntakeResult[]> {
  const db = deps.store.mission(r.mission);
  const ctx = await context(deps, r, docs as unknown as WireDoc[]);
  const { rejections, stored } = await prepareEdits(db, docs, ctx.principal, ctx.carried !== undefined);
  const editable = docs.filter((_, i) => rejections[i] === null);
  // The store asks the check in edit order and answers `forbidden` exactly when the check refused.
  const refusals: DocRejection[] = [];
  const edited = await storeOr503(() =>
    db.writeEdits(editable, (plan) => {
      const refusal = admitEdit(plan, stored, ctx);
      if (refusal) refusals.push(refusal);
      return refusal ? refusal.reason : null;
    }),
  );
  let next = 0;
  const results = docs.map((doc, i): EditIntakeResult => {
    const early = rejections[i];
    if (early) return { id: doc._id, rev: doc._rev, ok: false, ...early };
    const e = edited[next++]!;
    if (e.ok) return { id: e.id, rev: e.rev, ok: true };
    if (e.error === 'forbidden' && refusals.length > 0)
      return { id: e.id, rev: doc._rev, ok: false, ...refusals.shift()! };
    return { id: e.id, rev: doc._rev, ok: false, couchError: e.error, reason: e.reason };
  });
  await audit(
    deps,
    r,
    results.map((x) => ('couchError' in x ? { ...x, code: 'TERN_STORE_REJECTED' as const } : x)),
  );
  return results;
}

async function context(
  deps: ServerDeps,
  r: IntakeRequest,
  docs: readonly WireDoc[],
): Promise<AdmissionContext> {
  const principal = r.req.principal ?? null;
  const ctx: AdmissionContext = { mission: r.mission, origin: r.origin, principal, forms: deps.forms };
  // A relay carries other accounts' writes: each is checked as its author (decision 194).
  if (principal?.role === 'relay')
    ctx.carried = await carriedResolver(deps.accounts, principal, r.mission, docs);
  return ctx;
}

/** A store that cannot write (disk full, store down) is the server's trouble: 503, retry later. */
async function storeOr503<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw new TernError(
      'TERN_STORE_FAILED',
      `The store could not complete the write: ${(e as Error).message}`,
    );
  }
}

/** Who sent which revisions: ids, revs and codes only, never bodies. */
async function audit(deps: ServerDeps, r: IntakeRequest, results: IntakeResult[]): Promise<void> {
  const refused = results.filter((x) => !x.ok);
  await deps.audit.append(r.req, {
    action: r.action,
    mission: r.mission,
    outcome: 'ok',
    details: {
      ...r.details,
      pushed: results.length,
      rejected: refused.length,
      stored: results.filter((x) => x.ok).map((x) => `${x.id} ${x.rev}`),
      ...(refused.length > 0 ? { refused: refused.map((x) => `${x.id} ${x.rev ?? '-'} ${x.code}`) } : {}),
    },
  });
}
