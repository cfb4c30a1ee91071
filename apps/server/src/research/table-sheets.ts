import type { PublishedTable } from '@tern/research';
import type { Sheet } from '../export/export-table.ts';
import { dimensionLabel, word } from './export-labels.ts';
import type { Lang } from './export-labels.ts';

/** Past this many combinations the suppressed ones are not listed one by one (the file would balloon). */
const MAX_ROWS = 20_000;

/**
 * A published table as a sheet: one row per published cell with its value, and, for every other
 * combination of the values the table shows, a row marked suppressed — exactly the cells the API
 * answered, nothing computed anew (a suppressed combination may well be empty: the mark says so).
 */
export function tableSheet(t: PublishedTable, lang: Lang): Sheet {
  // The count's column says what it counts: cases, or people (decision 202).
  const header = [...t.dims.map((d) => dimensionLabel(d, lang)), word(t.counts, lang)];
  const published = new Map(t.cells.map((c) => [c.values.join('\u0000'), c.value]));
  const axes = t.margins.map((m) => m.values.map((v) => v.value));
  const combos = axes.reduce((n, a) => n * a.length, 1);
  const keys: string[][] =
    combos <= MAX_ROWS ? cartesian(axes) : t.cells.map((c) => c.values).sort(compareValues);
  const mark = word('suppressed', lang, t.disclosure.k);
  const rows = keys.map((values) => [...values, published.get(values.join('\u0000')) ?? mark]);
  return { name: 'research', header, rows };
}

/** The second sheet of the workbook: what the table is, how fresh, under which rules. */
export function aboutSheet(t: PublishedTable & { source: string }, lang: Lang): Sheet {
  const filters = Object.entries(t.filters).map(([d, v]) => `${d} = ${(v ?? []).join('; ')}`);
  return {
    name: word('about', lang),
    header: ['', ''],
    rows: [
      ['source', t.source],
      ['counts', t.counts],
      ['missions', t.missions.join('; ')],
      ['dims', t.dims.join('; ')],
      ['filters', filters.join(' | ')],
      ['asOf', t.asOf ?? ''],
      ['behind', t.behind.join('; ')],
      ['recreated', t.recreated ? `${t.recreated.at}: ${t.recreated.reason}` : ''],
      ['k', t.disclosure.k],
      ['ptable', t.disclosure.ptable],
      ['method', t.disclosure.method],
      [word('total', lang), t.total],
    ],
  };
}

function compareValues(a: string[], b: string[]): number {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}

function cartesian(axes: string[][]): string[][] {
  return axes.reduce<string[][]>(
    (acc, axis) => acc.flatMap((prefix) => axis.map((v) => [...prefix, v])),
    [[]],
  );
}
