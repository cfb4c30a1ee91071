import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workbook } from '../xlsform/xlsform-test-helpers.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = fileURLToPath(new URL('./import-xlsform.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tern-xlsform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8' });

describe('import-xlsform CLI', () => {
  it('writes the definition of a clean form', () => {
    const file = join(dir, 'ok.xlsx');
    writeFileSync(
      file,
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'a', 'A'],
        ],
        settings: [
          ['form_id', 'version'],
          ['demo', '3'],
        ],
      }),
    );
    const out = join(dir, 'ok.json');
    const r = run(file, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      id: 'demo',
      version: '3',
      children: [{ type: 'text', name: 'a' }],
    });
  });

  it('prints problems with row numbers and writes nothing unless forced', () => {
    const file = join(dir, 'bad.xlsx');
    writeFileSync(
      file,
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'a', 'A'],
          ['image', 'photo', 'Photo'],
        ],
      }),
    );
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('survey!3 type: Question type "image" is not supported; row skipped');
    const forced = run(file, '--force');
    expect(forced.status).toBe(2);
    expect(JSON.parse(forced.stdout).children).toHaveLength(1);
  });
});
