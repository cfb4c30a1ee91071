import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/navigating-the-code.md names every folder and the one place each rule lives (STYLE.md). It was
 * partly wrong and missed packages/cases (issue 10); this keeps it true: every folder of the code
 * appears on the page, and every path the page names exists.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = 'docs/navigating-the-code.md';
const page = readFileSync(join(ROOT, DOC), 'utf8');

/** The trees whose every folder the page must name. */
const TREES = ['apps/*/src', 'apps/*/test', 'packages/*/src', 'tests', 'scripts', 'docs'];
/** Not code: installed or built output, translations, images and deliberate lint fixtures. */
const SKIP = new Set(['node_modules', 'dist', 'dist-bench', 'coverage', 'locales', 'img', 'fixtures']);

function expand(pattern: string): string[] {
  return pattern.split('/').reduce<string[]>(
    (bases, part) =>
      bases.flatMap((base) => {
        if (part !== '*') return existsSync(join(ROOT, base, part)) ? [join(base, part)] : [];
        return readdirSync(join(ROOT, base), { withFileTypes: true })
          .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
          .map((e) => join(base, e.name));
      }),
    [''],
  );
}

function foldersUnder(dir: string): string[] {
  const children = readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIP.has(e.name))
    .map((e) => join(dir, e.name));
  return [dir, ...children.flatMap(foldersUnder)];
}

/** Code spans on the page: `apps/web/src/`, `packages/sync/src/rev-id.ts`, `@tern/sync`, … */
const spans = [...page.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
const TOP = new Set(readdirSync(ROOT).filter((n) => !n.startsWith('.') && n !== 'node_modules'));
/** A span is a repository path when its first segment is a top-level entry (or `.ci`). */
const isRepoPath = (s: string): boolean => /^[\w.-]+(\/[\w.*-]+)*\/?$/.test(s) && TOP.has(s.split('/')[0]!);

describe(DOC, () => {
  const folders = TREES.flatMap(expand).flatMap(foldersUnder);

  it('looks at the code it should (the folder walk found the trees)', () => {
    for (const must of ['apps/server/src', 'apps/web/src', 'packages/cases/src', 'packages/sync/src/testing'])
      expect(folders).toContain(must);
  });

  it('names every folder of the code', () => {
    const named = new Set(spans.filter((s) => s.endsWith('/')).map((s) => s.slice(0, -1)));
    expect(folders.filter((f) => !named.has(f))).toEqual([]);
  });

  it('names only paths that exist', () => {
    const paths = spans.filter(isRepoPath);
    expect(paths.length).toBeGreaterThan(50);
    const missing = paths.filter((p) => {
      if (!p.includes('*')) return !existsSync(join(ROOT, p));
      const dir = dirname(p);
      const re = new RegExp(
        `^${p
          .slice(dir.length + 1)
          .replace(/[.]/g, '\\.')
          .replace(/\*/g, '.*')}$`,
      );
      return !existsSync(join(ROOT, dir)) || !readdirSync(join(ROOT, dir)).some((n) => re.test(n));
    });
    expect(missing).toEqual([]);
  });

  it('names files by their full path (a bare `retry.ts` cannot be checked)', () => {
    const bare = spans.filter((s) => /^[\w./-]+\.(ts|tsx|mjs|js|json|md)$/.test(s) && !isRepoPath(s));
    expect(bare).toEqual([]);
  });
});
