import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { MissionDb } from '@tern/store';
import type { SyncResponse, WireDoc } from '@tern/sync';
import { pullStream } from '../src/routes/pull-stream.ts';
import { submission, validAnswers } from './fixtures.ts';

// The pull reads the change list a chunk at a time as it sends (change-chunks.ts): the first documents
// leave after one small read, not after listing every change (seconds for 10,000 on LevelDB, with the
// link idle). The pages must stay exactly what one big read gave: same documents, same checkpoints.

let store: TernStore;
let docs: WireDoc[];

beforeAll(async () => {
  store = new TernStore({ kind: 'memory', prefix: `pull-chunks-${Date.now()}` });
  // Sizes vary, so byte budgets end pages at every position within a chunk.
  docs = Array.from({ length: 23 }, (_, i) =>
    submission('demo', { ...validAnswers(`P${i}`), notes: 'n'.repeat((i * 97) % 400) }),
  );
  await store.mission('demo').writeReplicated(docs);
});
afterAll(async () => {
  await store.close();
});

/** A MissionDb that records the limit of every change-list read. */
function counting(db: MissionDb): { db: MissionDb; limits: number[] } {
  const limits: number[] = [];
  const spy = Object.create(db) as MissionDb;
  spy.changeListWithWinners = (since, limit) => {
    limits.push(limit);
    return db.changeListWithWinners(since, limit);
  };
  return { db: spy, limits };
}

async function page(
  since: string | null,
  o: { pullLimit: number; chunk?: number; pageBytes?: number },
  db: MissionDb = store.mission('demo'),
): Promise<SyncResponse> {
  let text = '';
  const stream = pullStream({
    db,
    ops: store.ops('demo'),
    results: [],
    since,
    epoch: 'ep',
    pushedNow: new Set(),
    onComplete: async () => {},
    ...o,
  });
  for await (const part of stream) text += String(part);
  return JSON.parse(text) as SyncResponse;
}

/** Every page from the start, following checkpoints until `more` is false. */
async function allPages(o: { pullLimit: number; chunk?: number; pageBytes?: number }) {
  const pages: Array<{ ids: string[]; checkpoint: string; more: boolean }> = [];
  let since: string | null = null;
  for (let n = 0; n < 100; n++) {
    const p = await page(since, o);
    pages.push({ ids: p.changes.map((d) => d._id), checkpoint: p.checkpoint, more: p.more });
    if (!p.more) return pages;
    expect(p.checkpoint).toMatch(/^ep@[0-9]+$/);
    since = p.checkpoint.slice('ep@'.length);
  }
  throw new Error('no end of pages after 100 pulls');
}

describe('the pull reads changes a chunk at a time', () => {
  it('never lists more changes at once than one chunk (200), whatever the pull limit', async () => {
    const { db, limits } = counting(store.mission('demo'));
    const p = await page(null, { pullLimit: 10_000 }, db);
    expect(p.changes).toHaveLength(docs.length);
    expect(limits.length).toBeGreaterThan(0);
    expect(Math.max(...limits)).toBeLessThanOrEqual(200);
  });

  it('stops reading once the byte budget ends the page', async () => {
    const { db, limits } = counting(store.mission('demo'));
    const p = await page(null, { pullLimit: 10_000, chunk: 4, pageBytes: 2000 }, db);
    expect(p.more).toBe(true);
    const read = limits.reduce((n, l) => n + l, 0);
    expect(read).toBeLessThan(p.changes.length + 2 * 4);
    expect(limits.every((l) => l <= 4)).toBe(true);
  });

  it('gives the same pages and checkpoints as one read of the whole list, across chunk edges', async () => {
    const ids = (await allPages({ pullLimit: 1000 })).flatMap((p) => p.ids);
    expect(ids).toEqual(docs.map((d) => d._id));
    for (const pullLimit of [1, 4, 7, 100]) {
      for (const pageBytes of [1, 700, 1500, 3000, 8 * 1024 * 1024]) {
        // A chunk as large as the pull limit is one read of the whole list, as before chunks.
        const reference = await allPages({ pullLimit, chunk: pullLimit, pageBytes });
        expect(reference.flatMap((p) => p.ids)).toEqual(ids);
        for (const chunk of [1, 2, 3, 5]) {
          const pages = await allPages({ pullLimit, chunk, pageBytes });
          expect({ pullLimit, pageBytes, chunk, pages }).toEqual({
            pullLimit,
            pageBytes,
            chunk,
            pages: reference,
          });
        }
      }
    }
  });
});
