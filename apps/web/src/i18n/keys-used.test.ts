import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from './i18n.ts';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const has = (o: unknown, key: string): boolean =>
  key.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o) !== undefined;

/**
 * Every literal key a component asks for exists in English (and so, by i18n.test.ts, in every
 * language): a typo shows up here, not as a raw key on a field worker's screen. A file's namespace
 * is the one it names (useTranslation('ns'), getFixedT(null, 'ns'), TFunction<'ns'>), else common.
 */
describe('translation keys used in the code', () => {
  it('all exist in English', () => {
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      const ns =
        /useTranslation\('([\w-]+)'\)|getFixedT\(null, '([\w-]+)'\)|TFunction<'([\w-]+)'>/
          .exec(text)
          ?.slice(1)
          .find(Boolean) ?? 'common';
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        const key = m[1]!;
        const en = resources.en?.[ns];
        if (!has(en, key) && !has(en, `${key}_one`)) missing.push(`${relative(SRC, file)}: ${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
