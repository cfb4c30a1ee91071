import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from './catalogue.ts';

/**
 * A code cannot be added without the catalogue: every `TERN_…` string literal in the source of apps/
 * and packages/ (tests included) is a catalogue code, or an environment variable the operator guide
 * documents (`TERN_PORT`…). Scans .ts, .tsx, .js and .mjs files, skipping node_modules and builds.
 */
const ROOT = new URL('../../../../', import.meta.url).pathname;
const LITERAL = /['"`](TERN_[A-Z0-9_]*[A-Z0-9])/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('dist') || e.name.startsWith('.')) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

const envVars = new Set(
  [...readFileSync(join(ROOT, 'docs/operator-guide.md'), 'utf8').matchAll(/`(TERN_[A-Z0-9_]+)/g)].map(
    (m) => m[1]!,
  ),
);

describe('codes used in the source', () => {
  const files = ['apps', 'packages'].flatMap((d) => sources(join(ROOT, d)));

  it('finds the source (a scan of nothing would pass)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(envVars.has('TERN_PORT')).toBe(true);
  });

  it('are all in the catalogue, or documented environment variables', () => {
    const unknown: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(LITERAL)) {
        seen += 1;
        const name = m[1]!;
        if (!isErrorCode(name) && !envVars.has(name)) unknown.push(`${file.slice(ROOT.length)}: ${name}`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });
});
