import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { DocStore } from '@tern/store';
import {
  clearConflict,
  openConflictsForPage,
  openConflictsOf,
  recordConflict,
} from '../src/merge/merge-records.ts';

// A pulled page says which of its records are under review (decision 227): for a large page the open
// conflicts are listed (one range read per chunk) when the mission holds no more than a chunk of them,
// else looked up per chunk as before. Either way exactly the records with an open conflict as they are
// when the chunk is read, and O(page) records read.

let store: TernStore;
let ops: DocStore;
const ids = Array.from({ length: 40 }, (_, i) => `sub:${String(i).padStart(3, '0')}`);
const conflicted = ids.filter((_, i) => i % 3 === 0);

beforeAll(async () => {
  store = new TernStore({ kind: 'memory', prefix: `open-conflicts-${Date.now()}` });
  ops = store.ops('demo');
  for (const id of conflicted)
    await recordConflict(
      ops,
      'demo',
      id,
      [
        { rev: `2-a${id}`, revisions: { start: 2, ids: [`a${id}`, 'x'] }, body: {} },
        { rev: `2-b${id}`, revisions: { start: 2, ids: [`b${id}`, 'x'] }, body: {} },
      ],
      ['answers.age'],
    );
  // One conflict resolved since: it is no longer open.
  await clearConflict(ops, conflicted[1]!);
});
afterAll(async () => {
  await store.close();
});

/** Counts the reads the DocStore serves: range lists and lookups by id. */
function counting(inner: DocStore) {
  const reads = { list: 0, getMany: 0 };
  const spy = Object.create(inner) as DocStore;
  spy.list = (prefix, o) => {
    reads.list += 1;
    return inner.list(prefix, o);
  };
  spy.getMany = (many) => {
    reads.getMany += many.length;
    return inner.getMany(many);
  };
  return { spy, reads };
}

async function chunked(find: (ids: string[]) => Promise<Map<string, { leaves: string[] }>>, size: number) {
  const open: string[] = [];
  for (let i = 0; i < ids.length; i += size)
    for (const [id] of await find(ids.slice(i, i + size))) open.push(id);
  return open.sort();
}

describe('the open conflicts of a pulled page', () => {
  const expected = conflicted.filter((id) => id !== conflicted[1]).sort();

  it('are listed per chunk for a large page when the mission holds no more than a chunk of them', async () => {
    const { spy, reads } = counting(ops);
    // 13 open conflicts, 2 chunks of 20: one list each (at most 21 records), no lookup by id.
    expect(await chunked(openConflictsForPage(spy, 20), 20)).toEqual(expected);
    expect(reads).toEqual({ list: 2, getMany: 0 });
    // The same records, leaves and all, as the lookup by id.
    const page = await openConflictsForPage(ops, 40)(ids);
    const byId = await openConflictsOf(ops, ids);
    expect([...page.entries()].sort()).toEqual([...byId.entries()].sort());
  });

  it('are looked up chunk by chunk when the mission holds more than a chunk of them', async () => {
    const { spy, reads } = counting(ops);
    // 13 open conflicts, chunks of 5: one bounded list (6 records), then lookups by id as before.
    expect(await chunked(openConflictsForPage(spy, 5), 5)).toEqual(expected);
    expect(reads.list).toBe(1);
    expect(reads.getMany).toBe(ids.length);
  });

  it('are read as they are when each chunk is: a conflict opened or resolved mid-page shows in the chunks after', async () => {
    const find = openConflictsForPage(ops, 20);
    const first = await find(ids.slice(0, 20));
    expect(first.has(ids[22]!)).toBe(false);
    // While the page streams, another device opens a conflict on a record of the second chunk and an
    // admin resolves one of the second chunk's.
    const opened = ids[22]!;
    const resolved = expected.find((id) => ids.indexOf(id) >= 20)!;
    const resolvedBefore = (await openConflictsOf(ops, [resolved])).get(resolved)!;
    await recordConflict(
      ops,
      'demo',
      opened,
      [
        { rev: '2-a', revisions: { start: 2, ids: ['a', 'x'] }, body: {} },
        { rev: '2-b', revisions: { start: 2, ids: ['b', 'x'] }, body: {} },
      ],
      ['answers.age'],
    );
    await clearConflict(ops, resolved);
    try {
      const second = await find(ids.slice(20, 40));
      expect(second.has(opened)).toBe(true);
      expect(second.has(resolved)).toBe(false);
    } finally {
      await clearConflict(ops, opened);
      await recordConflict(
        ops,
        'demo',
        resolved,
        resolvedBefore.leaves.map((rev) => ({
          rev,
          revisions: { start: 2, ids: [rev.slice(2), 'x'] },
          body: {},
        })),
        ['answers.age'],
      );
    }
  });

  it('are looked up by id for a small page (an everyday sync): no list at all', async () => {
    const { spy, reads } = counting(ops);
    const find = openConflictsForPage(spy, 200);
    const few = await find(ids.slice(0, 7));
    expect([...few.keys()].sort()).toEqual(expected.filter((id) => ids.slice(0, 7).includes(id)));
    expect(reads).toEqual({ list: 0, getMany: 7 });
  });
});
