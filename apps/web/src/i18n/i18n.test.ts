import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, loadLazyNamespaces, resources } from './i18n.ts';

/** Every key path of a nested JSON object, e.g. `status.closed`. */
function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('UI translations', () => {
  // The lazy namespaces (the research dashboard's) are checked like the others.
  beforeAll(loadLazyNamespaces);

  it('give every language every English key of every namespace, and no empty string', () => {
    const missing: string[] = [];
    for (const [ns, en] of Object.entries(resources.en!)) {
      for (const { code } of LANGUAGES) {
        const other = resources[code]?.[ns] ?? {};
        const have = new Set(keys(other));
        for (const k of keys(en)) if (!have.has(k)) missing.push(`${code}/${ns}:${k}`);
        for (const k of have) {
          const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], other);
          if (v === '') missing.push(`${code}/${ns}:${k} is empty`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('keep the same interpolation variables in every language', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const wrong: string[] = [];
    for (const [ns, en] of Object.entries(resources.en!)) {
      for (const k of keys(en)) {
        const get = (o: unknown) =>
          k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)?.[p], o);
        for (const { code } of LANGUAGES) {
          if (JSON.stringify(vars(get(resources[code]?.[ns]))) !== JSON.stringify(vars(get(en))))
            wrong.push(`${code}/${ns}:${k}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
