import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { TernStore } from './tern-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function doc(id: string, body: Record<string, unknown>, parent?: WireDoc): WireDoc {
  const r = nextRevision(parent ? { rev: parent._rev, revisions: parent._revisions } : null, body);
  return { _id: id, _rev: r.rev, _revisions: r.revisions, ...body };
}

describe('TernStore on LevelDB', () => {
  it('keeps one database per mission on disk and survives a reopen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tern-store-'));
    dirs.push(dataDir);
    const a = doc('sub:A', { mission: 'north', n: 1 });
    let store = new TernStore({ kind: 'leveldb', dataDir });
    await store.mission('north').writeReplicated([a]);
    expect(await store.mission('south').docCount()).toBe(0);
    await store.close();

    store = new TernStore({ kind: 'leveldb', dataDir });
    const got = await store.mission('north').get('sub:A');
    expect(got?._rev).toBe(a._rev);
    expect(got?._revisions).toEqual(a._revisions);
    await store.close();
  });

  it('stores every branch and keeps ancestor bodies (no auto-compaction)', async () => {
    const store = new TernStore({ kind: 'memory', prefix: `branches-${Date.now()}` });
    const db = store.mission('demo');
    const base = doc('sub:B', { v: 0 });
    const left = doc('sub:B', { v: 1 }, base);
    const right = doc('sub:B', { v: 2 }, base);
    await db.writeReplicated([base]);
    await db.writeReplicated([left, right]);
    const winner = await db.get('sub:B');
    expect([winner?._rev, ...((winner?._conflicts as string[]) ?? [])].sort()).toEqual(
      [left._rev, right._rev].sort(),
    );
    expect((await db.bodyAt('sub:B', base._rev))?.v).toBe(0);
    await store.close();
  });

  it('refuses mission ids that are not safe folder names', () => {
    const store = new TernStore({ kind: 'memory' });
    for (const bad of ['../etc', 'Demo', '', 'a/b', 'x'.repeat(64)]) {
      expect(() => store.mission(bad), bad).toThrow(/Invalid mission id/);
    }
  });
});

describe('changes pages', () => {
  it('end at the byte budget with the checkpoint at the last document included', async () => {
    const store = new TernStore({ kind: 'memory', prefix: `pages-${Date.now()}` });
    const db = store.mission('demo');
    const docs = Array.from({ length: 10 }, (_, i) => doc(`sub:P${i}`, { pad: 'x'.repeat(1000), i }));
    await db.writeReplicated(docs);
    const first = await db.changesSince(null, 100, 3500);
    expect(first.docs.length).toBe(3);
    expect(first.more).toBe(true);
    const rest = await db.changesSince(first.lastSeq, 100, 3500);
    const all = [...first.docs];
    let page = rest;
    all.push(...page.docs);
    while (page.more) {
      page = await db.changesSince(page.lastSeq, 100, 3500);
      all.push(...page.docs);
    }
    expect(all.map((d) => d._id).sort()).toEqual(docs.map((d) => d._id).sort());
    // A single document larger than the budget still goes, alone.
    const big = await db.changesSince(null, 100, 10);
    expect(big.docs).toHaveLength(1);
    await store.close();
  });
});
