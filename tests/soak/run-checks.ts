import { MemorySyncStorage, canonicalJson, fetchRemote, syncOnce } from '@tern/sync';
import type { Body } from '@tern/sync';
import { deviceTriples, digestOf } from '../support/sync-fixtures.ts';
import type { RunLedger } from './fault-remote.ts';
import { offlineEdit } from './scenario.ts';
import type { Scenario } from './scenario.ts';
import type { SoakStack } from './soak-stack.ts';

interface Leaf {
  ok?: { _id: string; _rev: string; _deleted?: boolean };
}

/**
 * The promises checked after every run: every side holds the same {_id, _rev, body} set; the server
 * holds each record once and nothing else; every revision a response called stored is still in the
 * record's tree (never lost, even when it lost the vote); each record the three devices edited is
 * merged (each its own field: all three edits in the winner) or open for an admin (the same field).
 */
export async function checkRun(
  soak: SoakStack,
  r: {
    mission: string;
    devices: MemorySyncStorage[];
    ledger: RunLedger;
    ids: string[];
    shared: string[];
    /** The shared records' bodies before the offline edits. */
    originals: Map<string, Body>;
    edits: Scenario['edits'];
  },
): Promise<{ problems: string[]; merged: number; open: number }> {
  const problems: string[] = [];
  const m = r.mission;
  const reader = new MemorySyncStorage();
  await syncOnce(reader, fetchRemote(soak.stack.directUrl(m), soak.stack.auth), {
    device: `dev-reader-${m}`,
    pullLimit: 500,
  });
  const serverDigest = digestOf(deviceTriples(reader));
  for (const [k, dev] of r.devices.entries()) {
    const left = await dev.pendingCount();
    const refused = [...dev.docs.values()].filter((d) => d.state === 'rejected').length;
    if (left || refused) problems.push(`device ${'ABC'[k]}: ${left} pending, ${refused} rejected at the end`);
    if (digestOf(deviceTriples(dev)) !== serverDigest) {
      const differ = [...dev.docs.values()]
        .filter((d) => {
          const there = reader.docs.get(d.id);
          return there?.rev !== d.rev || canonicalJson(there.body) !== canonicalJson(d.body);
        })
        .map((d) => {
          const there = reader.docs.get(d.id);
          const what =
            there?.rev === d.rev
              ? `body ${canonicalJson(there.body).slice(0, 400)} vs ${canonicalJson(d.body).slice(0, 400)}`
              : `server ${there?.rev ?? 'none'}`;
          return `${d.id} ${d.rev} (${what})`;
        });
      problems.push(
        `device ${'ABC'[k]} holds another {_id, _rev, body} set than the server: ${differ.slice(0, 3).join(', ')}`,
      );
    }
  }
  const expected = new Set(r.ids);
  if (reader.docs.size !== expected.size || [...reader.docs.keys()].some((id) => !expected.has(id)))
    problems.push(`the server serves ${reader.docs.size} records, the devices made ${expected.size}`);
  const changes = await soak.admin('GET', `/couch/${m}/_changes?style=all_docs`);
  const listed = (changes.json as { results?: Array<{ id: string }> }).results ?? [];
  if (listed.length !== expected.size || new Set(listed.map((x) => x.id)).size !== listed.length)
    problems.push(`the changes feed lists ${listed.length} entries for ${expected.size} records`);

  const ackedBy = new Map<string, string[]>();
  for (const k of r.ledger.acked) {
    const [id, rev] = k.split(' ') as [string, string];
    ackedBy.set(id, [...(ackedBy.get(id) ?? []), rev]);
  }
  const open = new Set(
    (
      (await soak.admin('GET', `/api/admin/conflicts?mission=${m}`)).json as {
        conflicts?: Array<{ docId: string }>;
      }
    ).conflicts?.map((c) => c.docId) ?? [],
  );
  // Never lost: the server knows every revision it ever acknowledged (`_revs_diff` lists none missing).
  const diff = await soak.admin('POST', `/couch/${m}/_revs_diff`, Object.fromEntries(ackedBy));
  for (const [id, v] of Object.entries((diff.json as Record<string, { missing?: string[] }>) ?? {}))
    for (const rev of v.missing ?? []) problems.push(`${id} ${rev} was acknowledged as stored and is gone`);
  if (diff.status !== 200) problems.push(`_revs_diff answered ${diff.status}`);
  let merged = 0;
  for (const id of r.shared) {
    const got = await soak.admin('GET', `/couch/${m}/${encodeURIComponent(id)}?open_revs=all`);
    const leaves = ((got.json as Leaf[] | null) ?? []).flatMap((l) => (l.ok ? [l.ok] : []));
    const live = leaves.filter((l) => !l._deleted);
    if (live.length > 1 && !open.has(id))
      problems.push(`${id} has ${live.length} live branches and no open conflict for an admin`);
    const marked = r.devices.filter((d) => d.docs.get(id)?.underReview).length;
    if (live.length > 1 || open.has(id)) {
      if (r.edits === 'fields') problems.push(`${id}: edits of three different fields were not merged`);
      // Every device shows the record as under review (protocol.md: nothing else would tell it).
      if (marked !== r.devices.length)
        problems.push(`${id} waits for an admin, but ${r.devices.length - marked} devices do not know`);
      continue;
    }
    if (marked) problems.push(`${id} is merged, but ${marked} devices still show it under review`);
    merged += 1;
    const winner = reader.docs.get(id);
    const before = r.originals.get(id);
    if (r.edits === 'fields' && winner && before) {
      // Each device changed its own field: the merged record carries all three changes.
      const want = [0, 1, 2].reduce((b, k) => offlineEdit(b, k, 'fields'), before);
      const [got, exp] = [winner.body.answers, want.answers] as Array<Record<string, unknown>>;
      const lost = ['notes', 'age', 'gender'].filter((f) => got![f] !== exp![f]);
      if (lost.length) problems.push(`${id}: the merged record lost the edit of ${lost.join(', ')}`);
    }
  }
  return { problems, merged, open: open.size };
}
