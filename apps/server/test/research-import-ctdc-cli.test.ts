import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCtdcSources } from '@tern/research';
import { syntheticCtdcCsv } from '@tern/research/testing';
import { ctdcSourcesDir } from '../src/config.ts';

const CLI = new URL('../src/cli/research-import-ctdc.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'tern-ctdc-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, TERN_DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe('research-import-ctdc CLI', { timeout: 60_000 }, () => {
  it('imports a file, prints the report, and refuses a bad one with its line numbers', async () => {
    const good = join(dataDir, 'good.csv');
    const text = [...syntheticCtdcCsv({ rows: 400, seed: 2 })].join('');
    writeFileSync(good, text);
    const ok = run(good, '--id', 'ctdc:cli', '--label', 'From the CLI');
    expect(ok.stdout).toMatch(/^imported ctdc:cli "From the CLI": 400 rows in [\d.]+ s/);
    expect(ok.status).toBe(0);

    const lines = text.split('\n');
    lines[3] = lines[3]!.replace(/^\d{4},/, '1850,');
    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const refused = run(bad, '--id', 'cli', '--label', 'Broken');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('nothing imported into ctdc:cli: 1 of 400 rows rejected');
    expect(refused.stdout).toMatch(/line 4: yearOfRegistration "1850" is not a year/);

    const sources = await openCtdcSources(ctdcSourcesDir(dataDir));
    expect(sources.list()).toMatchObject([{ id: 'ctdc:cli', label: 'From the CLI', rows: 400 }]);
    await sources.close();
  });

  it('says how to use it when an argument is missing', () => {
    const r = run('some.csv', '--id', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: research-import-ctdc.ts <file.csv> --id <id> --label <label>');
  });
});
