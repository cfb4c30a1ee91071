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

  it('prints errors with row numbers and writes nothing', () => {
    const file = join(dir, 'bad.xlsx');
    writeFileSync(
      file,
      workbook({
        survey: [['type', 'name', 'label'], ['text', 'a', 'A'], ['integer', 'b', 'B', ''], ['end group']],
      }),
    );
    const r = run(file, '--accept-warnings');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: survey!4 type: end group without a matching begin group');
  });

  it('writes a form with warnings only when they are accepted', () => {
    const file = join(dir, 'warn.xlsx');
    writeFileSync(
      file,
      workbook({
        survey: [
          ['type', 'name', 'label', 'guidance_hint'],
          ['text', 'a', 'A', 'Ask slowly'],
        ],
      }),
    );
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('warning: survey!1 guidance_hint:');
    const accepted = run(file, '--accept-warnings');
    expect(accepted.status).toBe(2);
    expect(JSON.parse(accepted.stdout).children).toHaveLength(1);
  });
});
