import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';

const cli = (name: string) => new URL(`../src/cli/${name}.ts`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tern-backup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (name: string, dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli(name), ...args], {
    env: { ...process.env, TERN_DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe('the backup, verify and restore commands', { timeout: 120_000 }, () => {
  it('back up a stopped server, verify, refuse damage with file and line, restore into a fresh folder', async () => {
    const data = join(dir, 'data');
    const store = new TernStore({ kind: 'leveldb', dataDir: data });
    await store.system().put({ _id: 'account:ana', role: 'admin' });
    await store.forms().put({ _id: 'form:f@1', title: 'F' });
    await store.close();

    const made = run('backup', data, join(dir, 'bk'));
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain(`backup: 2 databases, 2 documents written to ${join(dir, 'bk')}`);
    expect(run('verify', data, join(dir, 'bk')).stdout).toMatch(/^verify: sound: 2 databases, 2 documents/);

    const again = run('backup', data, join(dir, 'bk'));
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/backup: Backup folder .*bk is not empty/);

    const restored = run('restore', join(dir, 'restored'), join(dir, 'bk'));
    expect(restored.stdout).toContain('restore: 2 databases, 2 documents restored into');
    const back = new TernStore({ kind: 'leveldb', dataDir: join(dir, 'restored') });
    expect(await back.system().get('account:ana')).toMatchObject({ role: 'admin' });
    await back.close();
    expect(run('restore', join(dir, 'restored'), join(dir, 'bk')).stderr).toMatch(
      /restore: Data folder .*restored is not empty/,
    );

    const file = join(dir, 'bk', 'forms.ndjson');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"F"', '"G"'));
    const bad = run('verify', data, join(dir, 'bk'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('forms.ndjson line 1: form:f@1: its sha-256 does not match its leaves');
  });

  it('say how to use them when the folder is missing', () => {
    for (const name of ['backup', 'verify', 'restore']) {
      const r = run(name, join(dir, 'none'));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`usage: ${name}.ts <`);
    }
  });
});
