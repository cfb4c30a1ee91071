// A readable diff between two editions: text by paragraph and language (words added and removed, with
// jsdiff's word diff), tables by id, figures by indicator, year and source. Comments and the workflow
// history are not content and are not compared.
import { diffWords } from 'diff';
import type { IndicatorTable, ProfileBody, ProfileValue } from '../document/schema.ts';
import { SECTION_IDS, type SectionId, sectionTitle } from '../document/sections.ts';

export type Change = 'added' | 'removed' | 'changed';
export interface WordPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}
export interface TextChange {
  section: SectionId;
  paragraph: string;
  language: string;
  change: Change;
  parts: WordPart[];
}
export interface TableChange {
  section: SectionId;
  table: string;
  change: Change;
  /** The fields that differ (title, indicators, years, chart), for `changed`. */
  fields: string[];
}
export interface FigureChange {
  indicator: string;
  year: number;
  source: string;
  change: Change;
  before: number | null;
  after: number | null;
  /** Other fields that differ (unit, definition, reliability, note), for `changed`. */
  fields: string[];
}
export interface EditionDiff {
  from: number;
  to: number;
  title: TextChange[];
  text: TextChange[];
  tables: TableChange[];
  figures: FigureChange[];
}

const json = (v: unknown) => JSON.stringify(v ?? null);

function wordParts(a: string, b: string): WordPart[] {
  return diffWords(a, b).map((p) => ({
    op: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value,
  }));
}

function textChanges(
  section: SectionId,
  paragraph: string,
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): TextChange[] {
  const langs = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  return langs.flatMap((language): TextChange[] => {
    const x = a?.[language];
    const y = b?.[language];
    if (x === y) return [];
    const change: Change = x === undefined ? 'added' : y === undefined ? 'removed' : 'changed';
    return [{ section, paragraph, language, change, parts: wordParts(x ?? '', y ?? '') }];
  });
}

/** Items of two lists matched by `_id`, in the newer list's order, removed ones after. */
function pairs<T extends { _id: string }>(
  a: readonly T[],
  b: readonly T[],
): Array<[string, T | undefined, T | undefined]> {
  const ma = new Map(a.map((x) => [x._id, x]));
  const mb = new Map(b.map((x) => [x._id, x]));
  const ids = [...b.map((x) => x._id), ...a.map((x) => x._id).filter((id) => !mb.has(id))];
  return ids.map((id) => [id, ma.get(id), mb.get(id)]);
}

const change = (x: unknown, y: unknown): Change =>
  x === undefined ? 'added' : y === undefined ? 'removed' : 'changed';

export function diffEditions(a: ProfileBody, b: ProfileBody): EditionDiff {
  const text: TextChange[] = [];
  const tables: TableChange[] = [];
  for (const section of SECTION_IDS) {
    for (const [id, x, y] of pairs(a.sections[section].paragraphs, b.sections[section].paragraphs))
      text.push(...textChanges(section, id, x?.text, y?.text));
    for (const [id, x, y] of pairs(a.sections[section].tables, b.sections[section].tables)) {
      const keys: Array<keyof IndicatorTable> = ['title', 'indicators', 'years', 'chart'];
      const fields = keys.filter((k) => json(x?.[k]) !== json(y?.[k]));
      if (fields.length)
        tables.push({ section, table: id, change: change(x, y), fields: x && y ? fields : [] });
    }
  }
  const figures: FigureChange[] = [];
  for (const [, x, y] of pairs(a.values, b.values)) {
    const keys: Array<keyof ProfileValue> = ['value', 'unit', 'definition', 'reliability', 'note'];
    const fields = keys.filter((k) => json(x?.[k]) !== json(y?.[k]));
    if (!fields.length) continue;
    const v = (y ?? x)!;
    figures.push({
      indicator: v.indicator,
      year: v.year,
      source: v.source,
      change: change(x, y),
      before: x?.value ?? null,
      after: y?.value ?? null,
      fields: x && y ? fields.filter((f) => f !== 'value') : [],
    });
  }
  figures.sort(
    (p, q) => p.indicator.localeCompare(q.indicator) || p.year - q.year || p.source.localeCompare(q.source),
  );
  return {
    from: a.edition.number,
    to: b.edition.number,
    title: textChanges('migration-trends', 'title', a.title, b.title).map((t) => ({
      ...t,
      paragraph: 'title',
    })),
    text,
    tables,
    figures,
  };
}

export const isEmptyDiff = (d: EditionDiff): boolean =>
  !d.title.length && !d.text.length && !d.tables.length && !d.figures.length;

const marked = (parts: WordPart[]) =>
  parts
    .map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`))
    .join('');

/** The diff as plain lines a reviewer reads (`[-removed-]{+added+}` inside paragraphs). */
export function diffLines(d: EditionDiff, lang = 'en'): string[] {
  const out = [`Edition ${d.from} → ${d.to}`];
  for (const t of d.title) out.push(`Title (${t.language}) ${t.change}: ${marked(t.parts)}`);
  for (const t of d.text)
    out.push(
      `${sectionTitle(t.section, lang)} ¶${t.paragraph} (${t.language}) ${t.change}: ${marked(t.parts)}`,
    );
  for (const t of d.tables)
    out.push(
      `${sectionTitle(t.section, lang)} table ${t.table} ${t.change}${t.fields.length ? `: ${t.fields.join(', ')}` : ''}`,
    );
  for (const f of d.figures)
    out.push(
      `${f.indicator} ${f.year} (${f.source}) ${f.change}: ${f.before ?? '—'} → ${f.after ?? '—'}${f.fields.length ? ` (${f.fields.join(', ')})` : ''}`,
    );
  return out;
}
