import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyNamespaces, resources } from './i18n.ts';

/** apps/web/src, found from the package root so the scan survives this file moving to another folder. */
function sourceRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${import.meta.dirname}`);
    dir = up;
  }
  return join(dir, 'src');
}
const SRC = sourceRoot();

/** Every component and module of the app, in every folder: not tests, not the translations themselves. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * The namespace a file names (useTranslation('ns'), getFixedT(null, 'ns'), TFunction<'ns'>), else
 * common; its literal keys `t('a.b')`; and the fixed prefix of its built keys t(`status.${s}`).
 */
function keysIn(text: string): { ns: string; keys: string[]; prefixes: string[] } {
  const ns =
    /useTranslation\('([\w-]+)'\)|getFixedT\(null, '([\w-]+)'\)|TFunction<'([\w-]+)'>/
      .exec(text)
      ?.slice(1)
      .find(Boolean) ?? 'common';
  const keys = [...text.matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]!);
  const prefixes = [...text.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)].map((m) => m[1]!);
  return { ns, keys, prefixes };
}

const at = (o: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);
const has = (o: unknown, key: string): boolean => at(o, key) !== undefined;

/**
 * Every key a component asks for exists in English (and so, by i18n.test.ts, in every language): a
 * typo shows up here, not as a raw key on a field worker's screen. A scan that finds no keys fails:
 * it means the scan looks in the wrong place or no longer recognises how the code asks for words.
 */
describe('translation keys used in the code', () => {
  // The lazy namespaces (the research dashboard's) are checked like the others.
  beforeAll(loadLazyNamespaces);

  const scanned = sources(SRC).map((file) => ({ file, ...keysIn(readFileSync(file, 'utf8')) }));

  it('the scanner reads a namespace, literal keys and built-key prefixes', () => {
    const sample = "const { t } = useTranslation('cases');\nt('list.title'); t(`status.${s}`);";
    expect(keysIn(sample)).toEqual({ ns: 'cases', keys: ['list.title'], prefixes: ['status'] });
  });

  it('scans every folder of the app and finds keys in it', () => {
    expect(SRC.endsWith(join('apps', 'web', 'src'))).toBe(true);
    const withKeys = scanned.filter((s) => s.keys.length > 0);
    expect(withKeys.length).toBeGreaterThan(10);
    expect(withKeys.flatMap((s) => s.keys).length).toBeGreaterThan(100);
    // Nested folders are scanned too, not only the top level.
    expect(withKeys.some((s) => relative(SRC, s.file).includes('/'))).toBe(true);
  });

  it('all exist in English', () => {
    const missing: string[] = [];
    for (const { file, ns, keys, prefixes } of scanned) {
      const en = resources.en?.[ns];
      for (const key of keys)
        if (!has(en, key) && !has(en, `${key}_one`)) missing.push(`${relative(SRC, file)}: ${ns}:${key}`);
      for (const prefix of prefixes) {
        const group = at(en, prefix);
        if (group === null || typeof group !== 'object')
          missing.push(`${relative(SRC, file)}: ${ns}:${prefix}.* (no such group)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
