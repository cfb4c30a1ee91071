import type { WireDoc } from '@tern/sync';
import { isStoreError } from '../errors.ts';
import { check, eq, rejectsWith, ID, body, rev, withStore } from './conformance-helpers.ts';
import type { ConformanceCase } from './conformance-helpers.ts';

/** What the CouchDB door reads and writes through the store: reads, absence, edits, `_local`, longpoll. */
export const couchDoorCases: Record<string, ConformanceCase> = {
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

  'bulkGet with latest and revsDiff read revision trees: leaves, deleted leaves, revs known by id only': (
    make,
  ) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const base = rev(ID(1), body('base'));
      const left = rev(ID(1), body('left'), base);
      const right = rev(ID(1), body('right'), base);
      const closed = rev(ID(1), {}, right, true);
      const mid = rev(ID(2), body('mid'), rev(ID(2), body('first')));
      const tip = rev(ID(2), body('tip'), mid);
      await db.writeReplicated([base, left, right, closed, tip]); // ID(2): `mid` arrives as history only
      const got = await db.bulkGet(
        [
          { id: ID(1), rev: base._rev },
          { id: ID(1), rev: left._rev },
          { id: ID(2), rev: mid._rev },
          { id: ID(3), rev: '1-cccc' },
        ],
        { revs: false, latest: true },
      );
      const answers = got.results as Array<{ id: string; docs: Array<{ ok?: WireDoc; error?: unknown }> }>;
      eq(
        answers.map((r) => r.docs.map((d) => d.ok?._rev ?? 'error').sort()),
        [[left._rev, closed._rev].sort(), [left._rev], [tip._rev], ['error']],
        'latest: every leaf descending from the rev, a deleted one too',
      );
      eq(answers[1]?.docs[0]?.ok?._revisions, undefined, 'no _revisions unless asked');
      eq(answers[0]?.docs.find((d) => d.ok?._rev === closed._rev)?.ok?._deleted, true, 'the deleted leaf');
      const withRevs = await db.bulkGet([{ id: ID(2), rev: mid._rev }], { revs: true, latest: true });
      eq(
        (withRevs.results[0] as { docs: Array<{ ok?: WireDoc }> }).docs[0]?.ok?._revisions,
        tip._revisions,
        'latest with revs',
      );
      const diff = await db.revsDiff({
        [ID(1)]: [base._rev, left._rev, left._rev],
        [ID(2)]: [mid._rev, tip._rev, '4-dddd'],
      });
      eq(diff[ID(1)], undefined, 'an id with nothing missing is left out');
      eq(diff[ID(2)]?.missing, [mid._rev, '4-dddd'], 'a rev known only by id is missing');
      eq(diff[ID(2)]?.possible_ancestors, [tip._rev], 'possible_ancestors below the highest missing');
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
};
