import type { Digest, DocState } from './record-digest.ts';
import { knownRevs } from './record-digest.ts';
import type { Caller, ConcreteRequest } from './request-recipe.ts';

/** A stored revision the response said was stored: `mission id rev` (rev `*` when any will do). */
export interface Ack {
  mission: string;
  id: string;
  rev: string;
}

/**
 * What the response acknowledged storing: per-document `ok` on the compact door and on `_bulk_docs`
 * with `new_edits: true`; every sent document not listed as failed with `new_edits: false` (CouchDB's
 * replicator mode answers failures only); the record of an answered conflict resolution.
 */
export function acknowledged(route: string, req: ConcreteRequest, status: number, body: unknown): Ack[] {
  if (status < 200 || status >= 300 || !req.mission) return [];
  const m = req.mission;
  const list = (x: unknown) => (Array.isArray(x) ? (x as Array<Record<string, unknown>>) : []);
  if (route === 'POST /api/sync/:mission') {
    return list((body as { results?: unknown } | null)?.results)
      .filter((r) => r.ok === true)
      .map((r) => ({ mission: m, id: String(r.id), rev: String(r.rev) }));
  }
  if (route === 'POST /couch/:db/_bulk_docs') {
    const results = list(body);
    if (req.newEdits)
      return results
        .filter((r) => r.ok === true)
        .map((r) => ({ mission: m, id: String(r.id), rev: String(r.rev) }));
    // A failure names the id, and the rev when it has one: without a rev it covers every doc of the id.
    const failed = (d: { _id: string; _rev: string }) =>
      results.some((r) => r.id === d._id && (r.rev === undefined || r.rev === d._rev));
    return req.docs.filter((d) => !failed(d)).map((d) => ({ mission: m, id: d._id, rev: d._rev }));
  }
  if (route === 'POST /api/admin/conflicts/:mission/:docId/resolve') {
    const b = body as { docId?: string } | null;
    return b?.docId ? [{ mission: m, id: b.docId, rev: '*' }] : [];
  }
  return [];
}

const answersOf = (s: DocState) => {
  const doc = s.leaves.get(s.winner)?.doc as { answers?: unknown; review?: { state?: unknown } } | undefined;
  return { answers: JSON.stringify(doc?.answers ?? null), approved: doc?.review?.state === 'approved' };
};

/**
 * The record oracles for one request. `before`/`after` are the digests around it, `changed` the ids the
 * store says changed. Returns one line per violation; none means the request kept every promise.
 */
export function recordViolations(a: {
  caller: Caller;
  role: string | null;
  before: Digest;
  after: Digest;
  changed: Map<string, Set<string>>;
  acks: Ack[];
  creators: Map<string, string>;
}): string[] {
  const out: string[] = [];
  const acked = new Set(a.acks.map((k) => `${k.mission} ${k.id}`));
  for (const k of a.acks) {
    const after = a.after.get(k.mission)?.get(k.id);
    if (k.rev !== '*' && !knownRevs(after).has(k.rev))
      out.push(`acknowledged ${k.mission}/${k.id} ${k.rev} as stored, but the store does not hold it`);
  }
  for (const [m, ids] of a.changed) {
    for (const id of ids) {
      const before = a.before.get(m)?.get(id);
      const after = a.after.get(m)?.get(id);
      if (!acked.has(`${m} ${id}`)) {
        out.push(
          `${m}/${id} changed (${before?.winner ?? 'absent'} → ${after?.winner ?? 'absent'}) but the response acknowledged no write of it`,
        );
        continue;
      }
      if (!before || !after) continue;
      const creator = a.creators.get(`${m} ${id}`);
      if (a.role === 'interviewer' && after.deleted && !before.deleted && creator !== a.caller)
        out.push(
          `${a.caller} (an interviewer) deleted ${m}/${id}, a record of ${creator ?? 'another account'}`,
        );
      const b = answersOf(before);
      if (a.role === 'interviewer' && !before.deleted && b.approved) {
        const x = answersOf(after);
        if (after.deleted) out.push(`${a.caller} (an interviewer) deleted the approved record ${m}/${id}`);
        else if (x.approved && x.answers !== b.answers)
          out.push(
            `${a.caller} (an interviewer) changed the answers of the approved record ${m}/${id} and it stays approved`,
          );
      }
      if (after.winner !== before.winner && !knownRevs(before).has(after.winner)) {
        const known = knownRevs(before);
        const w = after.leaves.get(after.winner)!;
        const connects = w.revisions.ids.some((h, i) => known.has(`${w.revisions.start - i}-${h}`));
        if (!connects)
          out.push(
            `${m}/${id}: winner ${before.winner} replaced by ${after.winner}, whose history {start ${w.revisions.start}, ${w.revisions.ids.length} ids} does not connect to the stored tree`,
          );
      }
    }
  }
  return out;
}

/** A digest's shallow copy: document states are replaced on refresh, never mutated, so this is a snapshot. */
export function snapshot(d: Digest): Digest {
  return new Map([...d].map(([m, docs]) => [m, new Map(docs)]));
}
