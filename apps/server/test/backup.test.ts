import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { MemorySyncStorage } from '@tern/sync';
import { writeBackup } from '../src/backup/write-backup.ts';
import { describe as say, verifyBackup } from '../src/backup/verify-backup.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import { backupOnSignal } from '../src/backup/on-signal.ts';
import { body, contents, fill } from './backup-fixtures.ts';

let dir: string;
let store: TernStore;
const open = (d: string) => new TernStore({ kind: 'leveldb', dataDir: d });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tern-backup-'));
  store = open(join(dir, 'data'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tern backup, verify and restore on the embedded LevelDB store', () => {
  it('backs up every database with every leaf and history, verifies it, and restores it whole', async () => {
    await fill(store);
    const before = await contents(store);
    expect(before['mission-m1']!.find((d) => d.id === 'sub:2')!.leaves).toHaveLength(2);
    expect(before['mission-m1']!.find((d) => d.id === 'sub:3')!.leaves[0]!._deleted).toBe(true);

    const m = await writeBackup(store, join(dir, 'bk'));
    expect(m.databases.map((d) => d.name)).toEqual(['files-m1', 'forms', 'mission-m1', 'ops-m1', 'system']);
    expect(m.databases.find((d) => d.name === 'mission-m1')).toMatchObject({ docs: 3, lines: 3 });
    expect(readFileSync(join(dir, 'bk', 'system.ndjson'), 'utf8')).not.toContain('secret-token');
    expect(await verifyBackup(join(dir, 'bk'))).toMatchObject({ ok: true });

    const r = await restoreBackup(join(dir, 'bk'), join(dir, 'restored'), open);
    expect(r.databases).toBe(5);
    const restored = open(join(dir, 'restored'));
    try {
      const after = await contents(restored);
      const { system, ...rest } = before;
      expect(after).toEqual({ ...rest, system: system!.filter((d) => !d.id.startsWith('session:')) });
      // The file reads back whole, and a restored record takes an ordinary edit on its restored rev.
      const file = await restored
        .attachments('m1')
        .read(createHash('sha256').update('a photo').digest('hex'));
      expect(new TextDecoder().decode(file!.bytes)).toBe('a photo');
      const acct = await restored.system().get('account:ana');
      await restored.system().put({ ...acct!, role: 'data-officer' });
    } finally {
      await restored.close();
    }
  });

  it('is taken while the store is written to, and holds at least what was there at the start', async () => {
    const a = new MemorySyncStorage();
    for (let i = 0; i < 300; i++) await a.save(`sub:${String(i).padStart(4, '0')}`, body(`p${i}`));
    await store.mission('m1').writeReplicated(await a.pending(1000));
    const b = new MemorySyncStorage();
    for (let i = 0; i < 50; i++) await b.save(`sub:late${i}`, body(`late ${i}`));
    const late = b.pending(100).then((docs) => store.mission('m1').writeReplicated(docs));
    const [m] = await Promise.all([writeBackup(store, join(dir, 'bk')), late]);
    const entry = m.databases.find((d) => d.name === 'mission-m1')!;
    expect(entry.docs).toBeGreaterThanOrEqual(300);
    expect(await verifyBackup(join(dir, 'bk'))).toMatchObject({ ok: true });
  });
});

describe('the online backup on SIGUSR2', () => {
  const logger = () => {
    const lines: string[] = [];
    const log = (level: string) => (o: object, msg: string) =>
      void lines.push(`${level} ${msg} ${JSON.stringify(o)}`);
    return { lines, log: { info: log('info'), warn: log('warn'), error: log('error') } };
  };

  it('writes a sound, dated backup under TERN_BACKUP_DIR, one at a time, and says so in the log', async () => {
    await fill(store);
    const { lines, log } = logger();
    const run = backupOnSignal(store, join(dir, 'backups'), log);
    await Promise.all([run(), run()]);
    expect(lines.filter((l) => l.startsWith('warn'))).toEqual([
      'warn backup asked for (SIGUSR2) while one is running: ignored {}',
    ]);
    const [made] = readdirSync(join(dir, 'backups'));
    expect(made).toMatch(/^tern-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(lines.some((l) => l.startsWith('info backup written') && l.includes(made!))).toBe(true);
    expect(await verifyBackup(join(dir, 'backups', made!))).toMatchObject({ ok: true });
  });

  it('makes no backup and warns when TERN_BACKUP_DIR is not set', async () => {
    const { lines, log } = logger();
    await backupOnSignal(store, null, log)();
    expect(lines).toEqual([
      'warn backup asked for (SIGUSR2) but TERN_BACKUP_DIR is not set: no backup made {}',
    ]);
  });
});

describe('the epoch of a mission database', () => {
  it('stays across a restart, is new after a restore, and is not reachable as a _local document', async () => {
    await fill(store);
    const epoch = await store.mission('m1').epoch();
    expect(epoch).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await store.close();
    store = open(join(dir, 'data'));
    expect(await store.mission('m1').epoch()).toBe(epoch);
    await expect(store.mission('m1').getLocal('tern-server:epoch')).rejects.toMatchObject({
      code: 'TERN_STORE_INVALID',
    });
    await expect(store.mission('m1').putLocal('tern-server:epoch', { epoch: 'mine' })).rejects.toMatchObject({
      code: 'TERN_STORE_INVALID',
    });
    await writeBackup(store, join(dir, 'bk'));
    await restoreBackup(join(dir, 'bk'), join(dir, 'restored'), open);
    const restored = open(join(dir, 'restored'));
    try {
      const again = await restored.mission('m1').epoch();
      expect(again).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(again).not.toBe(epoch);
    } finally {
      await restored.close();
    }
  });
});

describe('a damaged backup is refused with the file and line', () => {
  let bk: string;
  beforeEach(async () => {
    await fill(store);
    bk = join(dir, 'bk');
    await writeBackup(store, bk);
  });
  const problems = async () => {
    const v = await verifyBackup(bk);
    expect(v.ok).toBe(false);
    return v.ok ? [] : v.problems.map(say);
  };
  const mission = () => join(bk, 'mission-m1.ndjson');

  it('a flipped byte inside a record: the line that changed', async () => {
    const text = readFileSync(mission(), 'utf8');
    const at = text.indexOf('two by b');
    writeFileSync(mission(), `${text.slice(0, at)}twx${text.slice(at + 3)}`);
    const line = text.slice(0, at).split('\n').length;
    const p = await problems();
    expect(p).toContain(
      `mission-m1.ndjson line ${line}: sub:2: its sha-256 does not match its leaves (the line was changed)`,
    );
    expect(p.some((x) => x.startsWith('mission-m1.ndjson: sha-256'))).toBe(true);
  });

  it('a missing file', async () => {
    rmSync(join(bk, 'ops-m1.ndjson'));
    expect((await problems())[0]).toMatch(/^ops-m1\.ndjson: cannot be read \(ENOENT\)/);
  });

  it('a truncated last line', async () => {
    const text = readFileSync(mission(), 'utf8');
    writeFileSync(mission(), text.slice(0, text.length - 20));
    expect(await problems()).toContain(
      'mission-m1.ndjson line 3: is cut short (no end of line): the file was truncated',
    );
  });

  it('a line that is not JSON, a history that does not end at its rev, a file not in the manifest', async () => {
    const lines = readFileSync(mission(), 'utf8').split('\n');
    lines[0] = lines[0]!.replace(/"_revisions":\{"start":2/, '"_revisions":{"start":3');
    lines[1] = '{"id": "sub:2", "leaves": [';
    writeFileSync(mission(), lines.join('\n'));
    writeFileSync(join(bk, 'stray.txt'), 'x');
    const p = await problems();
    expect(p).toContain('stray.txt: is not named in the manifest');
    expect(p.some((x) => x.startsWith('mission-m1.ndjson line 1: sub:1:'))).toBe(true);
    expect(p.some((x) => x.startsWith('mission-m1.ndjson line 2: is not JSON'))).toBe(true);
  });

  it('a manifest that lies about counts', async () => {
    const m = JSON.parse(readFileSync(join(bk, 'manifest.json'), 'utf8')) as {
      databases: Array<{ docs: number }>;
    };
    m.databases[2]!.docs += 1;
    writeFileSync(join(bk, 'manifest.json'), JSON.stringify(m));
    expect(await problems()).toContain('mission-m1.ndjson: has 3 documents, the manifest says 4');
  });

  it('restore refuses a damaged backup and leaves nothing behind', async () => {
    writeFileSync(mission(), readFileSync(mission(), 'utf8').replace('one, edited', 'one, edi7ed'));
    await expect(restoreBackup(bk, join(dir, 'fresh'), open)).rejects.toThrow(
      /The backup is damaged; nothing was restored:\nmission-m1\.ndjson line 1: sub:1: its sha-256/,
    );
    expect(readdirSync(dir).sort()).toEqual(['bk', 'data']);
  });

  it('restore refuses a data folder that is not empty, and backup a folder that is not empty', async () => {
    mkdirSync(join(dir, 'used'));
    writeFileSync(join(dir, 'used', 'keep.txt'), 'mine');
    await expect(restoreBackup(bk, join(dir, 'used'), open)).rejects.toThrow(
      /Data folder .*used is not empty \(1 entries\): give a new or empty folder/,
    );
    expect(readFileSync(join(dir, 'used', 'keep.txt'), 'utf8')).toBe('mine');
    await expect(writeBackup(store, join(dir, 'used'))).rejects.toThrow(/Backup folder .*used is not empty/);
    // An empty folder is fine for both.
    mkdirSync(join(dir, 'empty'));
    await restoreBackup(bk, join(dir, 'empty'), open);
    expect(existsSync(join(dir, 'empty', 'mission-m1'))).toBe(true);
  });
});
