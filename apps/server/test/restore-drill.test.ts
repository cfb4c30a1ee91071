import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { writeBackup } from '../src/backup/write-backup.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import { testUlid } from './fixtures.ts';

/**
 * The restore drill of issue 18 on the embedded LevelDB store and the real app over loopback HTTP:
 * devices sync; a backup is taken while the server runs; more syncs (new records, edits, a conflict,
 * and a device that is then lost); the server stops and the old backup is restored into a fresh
 * folder; the devices sync once more. Every revision a device still holds, and every one the backup
 * held, is then at the server, each once; what only the lost device had is gone.
 */
const dir = mkdtempSync(join(tmpdir(), 'tern-drill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (d: string) => new TernStore({ kind: 'leveldb', dataDir: d });

async function start(store: TernStore): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/sync/demo` };
}

const record = (name: string, device: string) => ({
  type: 'submission',
  mission: 'demo',
  form: 'quick-screening@1',
  answers: { full_name: name, interview_date: '2026-11-20' },
  createdAt: '2026-11-20T10:00:00.000Z',
  device,
});

const clean = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('_')));

/** `{_id, _rev, body}` of a revision, as one digest; the body without `_` fields. */
function digest(id: string, rev: string, body: Record<string, unknown>): string {
  const cleaned = Object.fromEntries(Object.entries(clean(body)).sort());
  return createHash('sha256')
    .update(JSON.stringify([id, rev, cleaned]))
    .digest('hex');
}

/** Every leaf of the mission database (winners, conflicts, tombstones) as digests, in a list. */
async function serverLeaves(store: TernStore): Promise<string[]> {
  const out: string[] = [];
  await store.exportDatabase('mission-demo', (d) => {
    for (const l of d.leaves) out.push(digest(l._id, l._rev, l));
  });
  return out;
}

describe('restore drill', () => {
  it('after a restore to an older backup, devices bring back everything they hold, once', async () => {
    const a = new MemorySyncStorage();
    const b = new MemorySyncStorage();
    const c = new MemorySyncStorage();
    const lost = new MemorySyncStorage();
    const sync = (s: MemorySyncStorage, url: string, device: string) =>
      syncOnce(s, fetchRemote(url), { device, retry: { retries: 0 } });

    // 1. Devices sync.
    let store = open(join(dir, 'data'));
    let server = await start(store);
    const shared = `sub:${testUlid()}`;
    await a.save(shared, record('Shared', 'dev-a'));
    for (let i = 0; i < 4; i++) await a.save(`sub:${testUlid()}`, record(`A${i}`, 'dev-a'));
    for (let i = 0; i < 3; i++) await b.save(`sub:${testUlid()}`, record(`B${i}`, 'dev-b'));
    await sync(a, server.url, 'dev-a');
    await sync(b, server.url, 'dev-b');
    await sync(c, server.url, 'dev-c');

    // 2. A backup while the server runs.
    const manifest = await writeBackup(store, join(dir, 'backup'));
    expect(manifest.databases.find((d) => d.name === 'mission-demo')?.docs).toBe(8);
    const backedUp = await serverLeaves(store);
    const backedUpDocs: Array<{ id: string; rev: string; body: Record<string, unknown> }> = [];
    await store.exportDatabase('mission-demo', (d) => {
      for (const l of d.leaves) backedUpDocs.push({ id: l._id, rev: l._rev, body: clean(l) });
    });

    // 3. More syncs: new records, an edit, a conflict (two devices edit one field), a device then lost.
    for (let i = 0; i < 2; i++) await a.save(`sub:${testUlid()}`, record(`A late ${i}`, 'dev-a'));
    await a.save(shared, record('Shared, as A says', 'dev-a'));
    await b.save(shared, record('Shared, as B says', 'dev-b'));
    const bFirst = [...b.docs.keys()].find((id) => id !== shared && b.docs.get(id)?.body.device === 'dev-b')!;
    await b.save(bFirst, record('B0, edited', 'dev-b'));
    await sync(a, server.url, 'dev-a');
    await sync(b, server.url, 'dev-b');
    await sync(c, server.url, 'dev-c');
    await lost.save(`sub:${testUlid()}`, record('Only on the lost tablet', 'dev-lost'));
    await sync(lost, server.url, 'dev-lost');
    const beforeRestore = await serverLeaves(store);
    expect((await store.mission('demo').liveBranches(shared)).length).toBe(2); // the conflict
    expect(beforeRestore.length).toBeGreaterThan(backedUp.length + 3);

    // 4. Stop; restore the old backup into a fresh folder; start.
    await server.app.close();
    await store.close();
    await restoreBackup(join(dir, 'backup'), join(dir, 'restored'), open);
    store = open(join(dir, 'restored'));
    server = await start(store);
    try {
      expect((await serverLeaves(store)).sort()).toEqual([...backedUp].sort());

      // 5. Devices sync: each checkpoint is refused (another epoch), each device pushes all it holds.
      for (const [s, name] of [
        [a, 'dev-a'],
        [b, 'dev-b'],
        [c, 'dev-c'],
      ] as const) {
        const summary = await sync(s, server.url, name);
        expect(summary.pushedDocs).toBeGreaterThanOrEqual(s.docs.size);
      }
      await sync(a, server.url, 'dev-a'); // a picks up what b and c brought back

      const after = await serverLeaves(store);
      expect(new Set(after).size).toBe(after.length); // no revision twice
      // Every revision a device holds or the backup held is at the server with its body: a leaf, or
      // an ancestor of one when a later edit came back on top of it.
      const wanted = [
        ...[a, b, c].flatMap((s) =>
          [...s.docs.values()].map((d) => ({ id: d.id, rev: d.rev, body: d.body })),
        ),
        ...backedUpDocs,
      ];
      for (const w of wanted)
        expect({ ...w, body: await store.mission('demo').bodyAt(w.id, w.rev) }).toEqual({
          ...w,
          body: clean(w.body),
        });
      // And the server holds no leaf that neither a device nor the backup had.
      const expected = new Set(wanted.map((w) => digest(w.id, w.rev, w.body)));
      expect(after.filter((x) => !expected.has(x))).toEqual([]);
      expect(after.length).toBeGreaterThan(backedUp.length);
      const lostDoc = [...lost.docs.values()].find((d) => d.body.device === 'dev-lost')!;
      expect(after).not.toContain(digest(lostDoc.id, lostDoc.rev, lostDoc.body));
      expect(beforeRestore).toContain(digest(lostDoc.id, lostDoc.rev, lostDoc.body));
      // Of the conflict, the sides that a device still holds (a device keeps one revision per record:
      // after pulling the conflict each shows the winner) came back, and only those.
      const sides = new Set([a, b, c].map((s) => s.docs.get(shared)?.rev));
      const back = (await store.mission('demo').liveBranches(shared)).map((x) => x.rev);
      expect(back.sort()).toEqual([...sides].filter((r) => r !== undefined).sort());
    } finally {
      await server.app.close();
      await store.close();
    }
  }, 120_000);
});
