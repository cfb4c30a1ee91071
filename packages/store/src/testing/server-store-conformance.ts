import { canonicalJson, nextRevision, winningRev } from '@tern/sync';
import type { Body, WireDoc } from '@tern/sync';
import { isStoreError } from '../errors.ts';
import type { StoreErrorCode } from '../errors.ts';
import type { ServerStore } from '../server-store.ts';
import { MAX_DOC_DEPTH } from '../storable.ts';

/**
 * One conformance suite for every ServerStore (memory, LevelDB, and a CouchDB URL once the scale-out
 * issue adds that store): what the server relies on, the same on each. Each case opens a fresh store,
 * throws on failure, and closes it; a test file runs every case with its own harness.
 * Not covered on purpose: what the pull does with a tombstone winner (issue 12 decides it).
 */
export interface StoreFactory {
  name: string;
  /** A fresh, empty store (a unique prefix, folder or database name per call). */
  open(): Promise<ServerStore>;
  /** Close it and remove what it left (folders, remote databases). */
  close(store: ServerStore): Promise<void>;
}

function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`server store conformance: ${message}`);
}
/** Equal as JSON values, whatever the order of keys (an engine may keep its own order). */
const same = (a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
const eq = (a: unknown, b: unknown, what: string) =>
  check(same(a, b), `${what}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);

async function rejectsWith(p: Promise<unknown>, code: StoreErrorCode, what: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    check(isStoreError(e, code), `${what}: expected ${code}, got ${String(e)}`);
    return;
  }
  throw new Error(`server store conformance: ${what}: expected ${code}, it succeeded`);
}

const ID = (n: number) => `sub:01J00000000000000000000${String(n).padStart(3, '0')}`;
const body = (name: string, extra: Body = {}): Body => ({
  type: 'submission',
  mission: 'm1',
  name,
  ...extra,
});

function rev(id: string, b: Body, parent?: WireDoc, deleted = false): WireDoc {
  const r = nextRevision(parent ? { rev: parent._rev, revisions: parent._revisions } : null, b, { deleted });
  return { ...b, _id: id, _rev: r.rev, _revisions: r.revisions, ...(deleted ? { _deleted: true } : {}) };
}

function nested(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

async function withStore(make: StoreFactory, run: (s: ServerStore) => Promise<void>): Promise<void> {
  const store = await make.open();
  try {
    await run(store);
  } finally {
    await make.close(store);
  }
}

export const serverStoreConformance: Record<string, (make: StoreFactory) => Promise<void>> = {
  'replicated writes are idempotent: the same batch again changes nothing': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const docs = [rev(ID(1), body('a')), rev(ID(2), body('b'))];
      const first = await db.writeReplicated(docs);
      eq(
        first.map((r) => r.ok),
        [true, true],
        'first write',
      );
      const seq = await db.updateSeq();
      const again = await db.writeReplicated(docs);
      eq(
        again.map((r) => [r.id, r.rev, r.ok]),
        docs.map((d) => [d._id, d._rev, true]),
        'second write',
      );
      eq(await db.updateSeq(), seq, 'update seq after the repeat');
      eq(await db.docCount(), 2, 'doc count');
      eq(await db.writeReplicated([]), [], 'an empty batch');
    }),

  'keeps every branch, lists _conflicts, and picks the winner deterministically': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const base = rev(ID(1), body('base'));
      const left = rev(ID(1), body('left'), base);
      const right = rev(ID(1), body('right'), base);
      const right2 = rev(ID(1), body('right2'), right);
      await db.writeReplicated([base, left]);
      await db.writeReplicated([right]);
      // Same generation: the greater hash wins, whatever the order of arrival.
      const sameGen = winningRev([left, right].map((d) => ({ rev: d._rev, deleted: false })));
      const got = await db.get(ID(1));
      eq(got?._rev, sameGen.rev, 'winner among equal generations');
      eq(
        got?._conflicts,
        [left, right].map((d) => d._rev).filter((r) => r !== sameGen.rev),
        '_conflicts',
      );
      eq(got?._revisions, sameGen.rev === left._rev ? left._revisions : right._revisions, 'winner history');
      await db.writeReplicated([right2]);
      const now = await db.get(ID(1));
      eq(now?._rev, right2._rev, 'the longest branch wins');
      eq(now?._conflicts, [left._rev], '_conflicts after the longer edit');
      eq((await db.liveBranches(ID(1))).map((b) => b.rev).sort(), [left._rev, right2._rev].sort(), 'leaves');
      eq(await db.conflictedIds(), [ID(1)], 'conflicted ids');
      eq(
        (await db.winnersWithHistory([ID(1), ID(9)])).map((d) => d?._rev),
        [right2._rev, undefined],
        'winners',
      );
    }),

  'a deleted leaf is no live branch and no conflict': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const base = rev(ID(1), body('base'));
      const a = rev(ID(1), body('a'), base);
      const b = rev(ID(1), body('b'), base);
      const closed = rev(ID(1), {}, b, true);
      await db.writeReplicated([base, a, b, closed]);
      const live = await db.liveBranches(ID(1));
      eq(
        live.map((l) => [l.rev, l.body.name]),
        [[a._rev, 'a']],
        'live branches',
      );
      eq(live[0]?.revisions, a._revisions, 'branch history');
      eq(await db.conflictedIds(), [], 'conflicted ids');
      eq(await db.liveBranches(ID(9)), [], 'leaves of an unknown id');
      eq((await db.branchedSince('0')).has(ID(1)), true, 'a deleted leaf still counts as a branch');
    }),

  'knows which ids it holds, wholly deleted ones included, in one read': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const live = rev(ID(1), body('live'));
      const gone = rev(ID(2), body('gone'));
      await db.writeReplicated([live, gone, rev(ID(2), {}, gone, true)]);
      eq([...(await db.existing([ID(1), ID(2), ID(9)]))].sort(), [ID(1), ID(2)], 'existing ids');
      eq((await db.winnersWithHistory([ID(2)]))[0], undefined, 'a deleted document has no live winner');
      eq([...(await db.existing([]))], [], 'no ids');
    }),

  'keeps ancestor bodies it was sent, and knows revisions it only heard of by id': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const base = rev(ID(1), body('base'));
      const mid = rev(ID(1), body('mid'), base);
      const tip = rev(ID(1), body('tip'), mid);
      await db.writeReplicated([base]);
      await db.writeReplicated([tip]); // mid arrives as history only, as a device sends it
      eq((await db.bodyAt(ID(1), base._rev))?.name, 'base', 'body of the ancestor');
      eq((await db.bodyAt(ID(1), tip._rev))?.name, 'tip', 'body of the leaf');
      eq(await db.bodyAt(ID(1), mid._rev), undefined, 'a revision known by id only');
      eq(await db.bodyAt(ID(9), base._rev), undefined, 'an unknown document');
    }),

  'the changes feed: oldest first, limit, more, and checkpoints that resume exactly': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const docs = Array.from({ length: 5 }, (_, i) => rev(ID(i), body(`n${i}`)));
      for (const d of docs) await db.writeReplicated([d]);
      const seen: string[] = [];
      let since: string | null = null;
      for (let page = 0; page < 10; page++) {
        const list = await db.changeList(since, 2);
        seen.push(...list.changes.map((c) => c.id));
        since = list.lastSeq;
        if (!list.more) break;
        check(list.changes.length === 2, `a page with more after it is full, got ${list.changes.length}`);
      }
      eq(
        seen,
        docs.map((d) => d._id),
        'ids in write order',
      );
      const rest = await db.changeList(since, 2);
      eq([rest.changes, rest.more, rest.lastSeq], [[], false, since], 'nothing after the last checkpoint');
      const page = await db.changesSince(null, 3);
      eq(
        page.docs.map((d) => [d._id, d._rev]),
        docs.slice(0, 3).map((d) => [d._id, d._rev]),
        'docs',
      );
      eq(page.docs[0]?._revisions, docs[0]!._revisions, 'pulled docs carry _revisions');
      eq(page.more, true, 'more after a full page');
      const tiny = await db.changesSince(null, 5, 1);
      eq([tiny.docs.length, tiny.more], [1, true], 'a byte budget smaller than one document sends one');
      const edited = rev(ID(0), body('n0 again'), docs[0]);
      await db.writeReplicated([edited]);
      const after = await db.changeList(since, 10);
      eq(
        after.changes.map((c) => c.id),
        [ID(0)],
        'an edit moves the document to the end of the feed',
      );
    }),

  'branchedSince names only documents that gained a branch after the sequence': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const base = rev(ID(1), body('base'));
      await db.writeReplicated([base, rev(ID(2), body('other'))]);
      const before = await db.updateSeq();
      await db.writeReplicated([rev(ID(1), body('a'), base), rev(ID(1), body('b'), base)]);
      await db.writeReplicated([rev(ID(3), body('new'))]);
      eq([...(await db.branchedSince(before))], [ID(1)], 'branched since');
      eq([...(await db.branchedSince(await db.updateSeq()))], [], 'nothing since now');
    }),

  'the CouchDB reads: readDoc, open_revs, bulkGet with latest, revsDiff, _changes': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const base = rev(ID(1), body('base'));
      const left = rev(ID(1), body('left'), base);
      const right = rev(ID(1), body('right'), base);
      const right2 = rev(ID(1), body('right2'), right);
      await db.writeReplicated([base, left, right, right2]);
      const winner = (await db.readDoc(ID(1), { revs: true, conflicts: true })) as Record<string, unknown>;
      eq([winner._rev, winner._conflicts], [right2._rev, [left._rev]], 'readDoc winner');
      const all = (await db.readDoc(ID(1), { openRevs: 'all' })) as Array<{ ok?: { _rev: string } }>;
      eq(all.map((r) => r.ok?._rev).sort(), [left._rev, right2._rev].sort(), 'open_revs=all');
      const some = await db.readDoc(ID(1), { openRevs: [left._rev, '9-nope'] });
      eq((some as Array<Record<string, unknown>>)[1], { missing: '9-nope' }, 'open_revs list');
      const got = await db.bulkGet(
        [{ id: ID(1), rev: right._rev }, { id: ID(1), rev: '9-nope' }, { id: ID(7) }],
        { revs: true, latest: true },
      );
      const [a, b, c] = got.results as Array<{ docs: Array<{ ok?: WireDoc; error?: { error: string } }> }>;
      eq(a?.docs[0]?.ok?._rev, right2._rev, 'bulkGet latest answers the leaf descending from the rev');
      eq([b?.docs[0]?.error?.error, c?.docs[0]?.error?.error], ['not_found', 'not_found'], 'bulkGet missing');
      const diff = await db.revsDiff({ [ID(1)]: [left._rev, '4-aaaa'], [ID(8)]: ['1-bbbb'] });
      eq(diff[ID(1)]?.missing, ['4-aaaa'], 'revsDiff missing');
      eq(diff[ID(1)]?.possible_ancestors?.sort(), [left._rev, right2._rev].sort(), 'possible_ancestors');
      eq(diff[ID(8)], { missing: ['1-bbbb'] }, 'revsDiff of an unknown id');
      const feed = await db.couchChanges({
        since: 0,
        limit: 10,
        allDocs: true,
        includeDocs: false,
        conflicts: false,
      });
      eq(
        feed.results.map((r) => [r.id, r.changes.length]),
        [[ID(1), 2]],
        '_changes style=all_docs',
      );
      eq(String(feed.last_seq), await db.updateSeq(), '_changes last_seq');
    }),

  'absence is a Tern answer: undefined where asked, TERN_STORE_NOT_FOUND from readDoc': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      eq(await db.get(ID(1)), undefined, 'get of an unknown id');
      await rejectsWith(db.readDoc(ID(1), {}), 'TERN_STORE_NOT_FOUND', 'readDoc of an unknown id');
      const base = rev(ID(1), body('base'));
      await db.writeReplicated([base]);
      await rejectsWith(
        db.readDoc(ID(1), { rev: '1-zzzz' }),
        'TERN_STORE_NOT_FOUND',
        'readDoc of an unknown rev',
      );
      try {
        await db.readDoc(ID(2), {});
      } catch (e) {
        eq(isStoreError(e) && e.reason, 'missing', "CouchDB's reason travels with the error");
      }
      eq(await db.getLocal('nothing'), undefined, 'an absent _local document');
      eq(await s.ops('m1').get('device:x'), undefined, 'an absent ops record');
    }),

  'interactive edits make Tern revisions and answer conflicts per document': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const allow = () => null;
      const [created] = await db.writeEdits([{ _id: ID(1), ...body('v1') }], allow);
      check(created?.ok, `create: ${JSON.stringify(created)}`);
      eq(created.rev, rev(ID(1), body('v1'))._rev, 'the same rev a device makes for the same body');
      const [again] = await db.writeEdits([{ _id: ID(1), ...body('v1 again') }], allow);
      eq([again?.ok, again?.ok === false && again.error], [false, 'conflict'], 'create over a live document');
      const [edited] = await db.writeEdits([{ _id: ID(1), _rev: created.rev, ...body('v2') }], allow);
      check(edited?.ok, `edit: ${JSON.stringify(edited)}`);
      const [stale] = await db.writeEdits([{ _id: ID(1), _rev: created.rev, ...body('v3') }], allow);
      eq(stale?.ok === false && stale.error, 'conflict', 'edit of a rev that is no longer a leaf');
      const [refused] = await db.writeEdits([{ _id: ID(2), ...body('x') }], () => 'not today');
      eq(refused?.ok === false && [refused.error, refused.reason], ['forbidden', 'not today'], 'refusal');
      eq((await db.get(ID(1)))?.name, 'v2', 'stored winner');
      eq(await db.get(ID(2)), undefined, 'the refused document');
    }),

  '_local documents: 0-N revs, a stale rev is TERN_STORE_CONFLICT, never data': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      eq(await db.putLocal('cp', { last_seq: 3 }), { ok: true, id: '_local/cp', rev: '0-1' }, 'first put');
      eq((await db.putLocal('cp', { _rev: '0-1', last_seq: 5 })).rev, '0-2', 'second put');
      eq(await db.getLocal('cp'), { last_seq: 5, _id: '_local/cp', _rev: '0-2' }, 'read back');
      await rejectsWith(db.putLocal('cp', { _rev: '0-1', last_seq: 9 }), 'TERN_STORE_CONFLICT', 'stale rev');
      eq(await db.docCount(), 0, 'local documents are not counted');
      eq((await db.changeList(null, 10)).changes, [], 'nor in the changes feed');
    }),

  'keyed records (ops, forms, system): get, put with revisions, create, list, remove': (make) =>
    withStore(make, async (s) => {
      for (const [name, docs] of [
        ['ops', s.ops('m1')],
        ['forms', s.forms()],
        ['system', s.system()],
      ] as const) {
        const r1 = await docs.put({ _id: 'device:b', n: 1 });
        const r2 = await docs.put({ _id: 'device:b', _rev: r1, n: 2 });
        await rejectsWith(
          docs.put({ _id: 'device:b', _rev: r1, n: 3 }),
          'TERN_STORE_CONFLICT',
          `${name} stale`,
        );
        await rejectsWith(
          docs.put({ _id: 'device:b', n: 3 }),
          'TERN_STORE_CONFLICT',
          `${name} put without rev`,
        );
        await rejectsWith(docs.create({ _id: 'device:b', n: 4 }), 'TERN_STORE_CONFLICT', `${name} create`);
        eq((await docs.get('device:b'))?.n, 2, `${name} kept the second write`);
        await docs.create({ _id: 'device:a' });
        await docs.create({ _id: 'device:c' });
        await docs.create({ _id: 'devicex' });
        eq(
          (await docs.list('device:')).map((d) => d._id),
          ['device:a', 'device:b', 'device:c'],
          `${name} list`,
        );
        const desc = await docs.list('device:', { descending: true, limit: 1, cursor: 'device:c' });
        eq(
          desc.map((d) => d._id),
          ['device:b'],
          `${name} list after a cursor, newest first`,
        );
        eq(
          (await docs.getMany(['device:c', 'device:z'])).map((d) => d?._id),
          ['device:c', undefined],
          `${name} getMany`,
        );
        await docs.remove('device:b', r2);
        await docs.remove('device:a');
        await docs.remove('device:none');
        eq(
          (await docs.list('device:')).map((d) => d._id),
          ['device:c'],
          `${name} after removes`,
        );
        eq(await docs.get('device:b'), undefined, `${name} a removed record is absent`);
      }
      eq(await s.mission('m1').docCount(), 0, 'keyed records are no mission records');
    }),

  'refuses a document nested too deep on every write path, and stores the rest of the batch': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const deep = nested(MAX_DOC_DEPTH + 5);
      const good = rev(ID(1), body('fine'));
      const bad = rev(ID(2), body('deep', { answers: deep }));
      const res = await db.writeReplicated([good, bad]);
      eq(
        res.map((r) => r.ok),
        [true, false],
        'replicated batch',
      );
      check(/TERN_STORE_DOC_TOO_DEEP/.test(res[1]?.reason ?? ''), `reason names the code: ${res[1]?.reason}`);
      eq(res[1]?.code, 'TERN_STORE_DOC_TOO_DEEP', 'code');
      eq((await db.get(ID(1)))?._rev, good._rev, 'the valid document is stored');
      eq(await db.get(ID(2)), undefined, 'the deep one is not');
      const [edit] = await db.writeEdits([{ _id: ID(3), answers: deep }], () => null);
      eq(edit?.ok === false && edit.error, 'forbidden', 'interactive edit');
      await rejectsWith(db.putLocal('cp', { deep }), 'TERN_STORE_DOC_TOO_DEEP', '_local put');
      await rejectsWith(s.ops('m1').put({ _id: 'x:1', deep }), 'TERN_STORE_DOC_TOO_DEEP', 'ops put');
      await rejectsWith(s.system().create({ _id: 'x:1', deep }), 'TERN_STORE_DOC_TOO_DEEP', 'system create');
      const ok = await db.writeReplicated([
        rev(ID(4), body('at the limit', { a: nested(MAX_DOC_DEPTH - 2) })),
      ]);
      eq(
        ok.map((r) => r.ok),
        [true],
        'a document just within the limit is stored',
      );
    }),

  'waitForChange wakes on a write and times out without one': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const since = await db.updateSeq();
      const idle = await db.waitForChange(since, 50, new AbortController().signal);
      eq(idle, false, 'no change within the wait');
      const waiting = db.waitForChange(since, 5_000, new AbortController().signal);
      await db.writeReplicated([rev(ID(1), body('new'))]);
      eq(await waiting, true, 'a write wakes the waiter');
    }),

  'mission ids are checked, and missions are kept apart': (make) =>
    withStore(make, async (s) => {
      for (const bad of ['../etc', 'Demo', '', 'a/b']) {
        let code: string | undefined;
        try {
          s.mission(bad);
        } catch (e) {
          code = isStoreError(e) ? e.code : String(e);
        }
        eq(code, 'TERN_STORE_BAD_MISSION', `mission id ${JSON.stringify(bad)}`);
      }
      await s.mission('m1').writeReplicated([rev(ID(1), body('one'))]);
      eq(await s.mission('m2').docCount(), 0, 'another mission');
      eq(await s.system().get(ID(1)), undefined, 'the system database');
    }),
};
