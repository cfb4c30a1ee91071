import { winningRev } from '@tern/sync';
import { check, eq, ID, body, rev, withStore } from './conformance-helpers.ts';
import type { ConformanceCase } from './conformance-helpers.ts';

/** What a mission's record database keeps: replicated writes, branches, the winner, the changes feed. */
export const recordsCases: Record<string, ConformanceCase> = {
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

  'a deleted record is pulled as its tombstone, with its history, in the changes feed': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const live = rev(ID(1), body('a'));
      const gone = rev(ID(2), body('b'));
      const tomb = rev(
        ID(2),
        { mission: 'm1', deletion: { by: 'o', at: '2026-01-01', reason: 'dup' } },
        gone,
        true,
      );
      await db.writeReplicated([live, gone]);
      const before = await db.updateSeq();
      await db.writeReplicated([tomb]);
      const w = await db.winnersWithHistory([ID(2), ID(1), ID(9)]);
      eq(
        w.map((d) => [d?._rev, d?._deleted === true]),
        [
          [tomb._rev, true],
          [live._rev, false],
          [undefined, false],
        ],
        'winners: the tombstone, the live record, nothing for an unknown id',
      );
      eq(w[0]?._revisions, tomb._revisions, 'the tombstone carries its history');
      eq((w[0] as Record<string, unknown>).deletion, tomb.deletion, 'and its reason');
      const page = await db.changesSince(before, 10);
      eq(
        page.docs.map((d) => [d._id, d._deleted === true]),
        [[ID(2), true]],
        'the deletion is a change with its tombstone',
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
      eq([...(await db.branched([ID(1)]))], [ID(1)], 'a deleted leaf still counts as a branch');
    }),

  'knows which ids it holds, wholly deleted ones included, in one read': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const live = rev(ID(1), body('live'));
      const gone = rev(ID(2), body('gone'));
      await db.writeReplicated([live, gone, rev(ID(2), {}, gone, true)]);
      eq([...(await db.existing([ID(1), ID(2), ID(9)]))].sort(), [ID(1), ID(2)], 'existing ids');
      eq(
        (await db.winnersWithHistory([ID(2)]))[0]?._deleted,
        true,
        "a deleted document's winner is its tombstone",
      );
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

  'a change list with its winners: the same pages as changeList, the same documents as winnersWithHistory': (
    make,
  ) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      // A plain record; a conflict whose longer branch wins; a tombstone; a deleted branch beside a
      // live one (the live one wins); a record with a long history; a record deleted and edited again.
      const plain = rev(ID(1), body('plain'));
      const base = rev(ID(2), body('base'));
      const left = rev(ID(2), body('left'), base);
      const right = rev(ID(2), body('right'), rev(ID(2), body('right0'), base));
      const gone = rev(ID(3), {}, rev(ID(3), body('was here')), true);
      const trunk = rev(ID(4), body('trunk'));
      const liveLeaf = rev(ID(4), body('live'), trunk);
      const deadLeaf = rev(ID(4), {}, rev(ID(4), body('dead'), trunk), true);
      let deep = rev(ID(5), body('v0'));
      for (let i = 1; i < 30; i++) deep = rev(ID(5), body(`v${i}`), deep);
      const back = rev(ID(6), body('back'), rev(ID(6), {}, rev(ID(6), body('first')), true));
      await db.writeReplicated([plain, base, left]);
      await db.writeReplicated([right, gone, trunk, liveLeaf, deadLeaf, deep, back]);
      const last = rev(ID(7), body('last'));
      await db.writeReplicated([last]);
      const all = await db.changeList(null, 100);
      const withDocs = await db.changeListWithWinners(null, 100);
      eq(
        [withDocs.changes, withDocs.lastSeq, withDocs.more],
        [all.changes, all.lastSeq, all.more],
        'the list',
      );
      eq(
        withDocs.docs,
        await db.winnersWithHistory(all.changes.map((c) => c.id)),
        'the winners, with their histories and tombstones',
      );
      eq(
        withDocs.docs.map((d) => [d?._id, d?._rev, d?._deleted === true]),
        [
          [ID(1), plain._rev, false],
          [ID(2), right._rev, false],
          [ID(3), gone._rev, true],
          [ID(4), liveLeaf._rev, false],
          [ID(5), deep._rev, false],
          [ID(6), back._rev, false],
          [ID(7), last._rev, false],
        ],
        'who won',
      );
      eq(withDocs.docs[4]?._revisions, deep._revisions, 'a 30-revision history');
      // Page by page, the same pages and checkpoints as the plain list.
      let since: string | null = null;
      for (let n = 0; n < 10; n++) {
        const a = await db.changeList(since, 2);
        const b = await db.changeListWithWinners(since, 2);
        eq([b.changes, b.lastSeq, b.more], [a.changes, a.lastSeq, a.more], `page ${n}`);
        eq(b.docs, await db.winnersWithHistory(a.changes.map((c) => c.id)), `page ${n} documents`);
        since = a.lastSeq;
        if (!a.more) break;
      }
      const rest = await db.changeListWithWinners(since, 2);
      eq([rest.changes, rest.docs, rest.more], [[], [], false], 'nothing after the last checkpoint');
    }),

  'branched names, of the ids asked, those with more than one leaf, deleted leaves included': (make) =>
    withStore(make, async (s) => {
      // First calls on databases nothing has opened yet.
      eq([...(await s.mission('m2').branched([ID(1)]))], [], 'a database not used before');
      eq([...(await s.mission('m3').existing([ID(1)]))], [], 'existing on a database not used before');
      const db = s.mission('m1');
      const base = rev(ID(1), body('base'));
      const two = [rev(ID(1), body('a'), base), rev(ID(1), body('b'), base)];
      const single = rev(ID(2), body('single'));
      const edited = rev(ID(3), body('edited'), rev(ID(3), body('first')));
      // One live leaf and one closed branch: still two leaves (the merge check clears the conflict).
      const liveAndClosed = [
        rev(ID(4), body('x'), rev(ID(4), body('o'))),
        rev(ID(4), body('y'), rev(ID(4), body('o'))),
      ];
      const closed = rev(ID(4), {}, liveAndClosed[1], true);
      // Both branches deleted: the winner is a tombstone, and there are still two leaves.
      const gone = [
        rev(ID(5), {}, rev(ID(5), body('p'), rev(ID(5), body('q'))), true),
        rev(ID(5), {}, rev(ID(5), body('r'), rev(ID(5), body('q'))), true),
      ];
      const tombstone = rev(ID(6), {}, rev(ID(6), body('t')), true);
      const notAsked = [
        rev(ID(7), body('m'), rev(ID(7), body('n'))),
        rev(ID(7), body('k'), rev(ID(7), body('n'))),
      ];
      await db.writeReplicated([
        base,
        ...two,
        single,
        edited,
        ...liveAndClosed,
        closed,
        ...gone,
        tombstone,
        ...notAsked,
      ]);
      const asked = [ID(1), ID(2), ID(3), ID(4), ID(5), ID(6), ID(9), ID(1)];
      eq([...(await db.branched(asked))].sort(), [ID(1), ID(4), ID(5)], 'branched ids');
      eq([...(await db.branched([]))], [], 'no ids');
      eq([...(await db.branched([ID(2), ID(9)]))], [], 'one leaf or none');
    }),
};
