import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { startCouchServer } from '@tern/store/testing';
import type { CouchServer } from '@tern/store/testing';
import { writeBackup } from '../src/backup/write-backup.ts';
import { verifyBackup } from '../src/backup/verify-backup.ts';
import { restoreIntoStore } from '../src/backup/restore-backup.ts';
import { contents, fill } from './backup-fixtures.ts';

// Backup, verify and restore with the store behind TERN_STORE_URL (decisions 150, 151, 171), on
// pouchdb-server started here on a loopback port.
let couch: CouchServer;
let dir: string;
beforeAll(async () => {
  couch = await startCouchServer();
  dir = mkdtempSync(join(tmpdir(), 'tern-backup-url-'));
}, 60_000);
afterAll(async () => {
  await couch.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('tern backup and restore with the store behind a URL', () => {
  it('backs up every database through the CouchDB protocol and restores it into an empty store', async () => {
    const store = new TernStore({ kind: 'url', url: couch.url, prefix: 'live_' });
    await fill(store);
    const before = await contents(store);
    expect(Object.keys(before)).toEqual(['files-m1', 'forms', 'mission-m1', 'ops-m1', 'system']);
    const m = await writeBackup(store, join(dir, 'bk'));
    expect(m.databases.find((d) => d.name === 'mission-m1')).toMatchObject({ docs: 3 });
    expect(await verifyBackup(join(dir, 'bk'))).toMatchObject({ ok: true });

    // Not into a store that holds Tern databases: that would merge the backup into live data.
    await expect(restoreIntoStore(join(dir, 'bk'), store, store.where())).rejects.toThrow(
      /already holds 5 Tern databases.*another TERN_STORE_PREFIX/,
    );
    const fresh = new TernStore({ kind: 'url', url: couch.url, prefix: 'restored_' });
    try {
      expect(await restoreIntoStore(join(dir, 'bk'), fresh, fresh.where())).toEqual({
        databases: 5,
        docs: 8,
      });
      const after = await contents(fresh);
      const { system, ...rest } = before;
      expect(after).toEqual({ ...rest, system: system!.filter((d) => !d.id.startsWith('session:')) });
    } finally {
      await fresh.close();
      await store.close();
    }
  });
});
