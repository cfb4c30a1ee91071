import { choiceFor, countryName, localize, questionsOf } from '@tern/forms';
import type { Choice, FormDefinition, Question } from '@tern/forms';
import type { WireDoc } from '@tern/sync';
import { dateCell } from './export-cells.ts';
import type { Cell } from './export-cells.ts';
import { word } from './export-words.ts';

/** What the codebook says of one column: the field's name in the form, its type, its coded values. */
export interface Column {
  field: string;
  type: string;
  values?: string;
}

/** A sheet of an export: a header row of labels and one row per record (or per repeat item). */
export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
  /** The form the sheet holds (`id@version`), for the codebook. */
  form?: string;
  /** One per header cell, for the codebook (decision 167); absent on sheets that are not a form's. */
  columns?: Column[];
}

/** What a record's row says of its case: the code people use for it and its status now. */
export interface CaseInfo {
  code: string;
  status: string;
}

function choicesOf(form: FormDefinition, q: Question): Choice[] {
  if (!('choices' in q) && !('choiceList' in q)) return [];
  const qq = q as { choices?: Choice[]; choiceList?: string };
  return qq.choices ?? (qq.choiceList ? (form.choiceLists?.[qq.choiceList] ?? []) : []);
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v : String(v).split(' ')).map(String);

/** An answer as a person reads it: choice labels in the export language, countries by name, typed dates. */
function display(form: FormDefinition, q: Question, v: unknown, lang: string): Cell {
  if (v === undefined || v === null || v === '') return null;
  const label = (value: string) => {
    const c = choiceFor(choicesOf(form, q), value);
    return c ? localize(c.label, lang, form.defaultLanguage) : value;
  };
  switch (q.type) {
    case 'select_one':
      return label(String(v));
    case 'select_multiple':
    case 'rank':
      return asList(v).map(label).join('; ');
    case 'country':
      return (Array.isArray(v) ? v : [v]).map((c) => countryName(String(c), lang)).join('; ');
    case 'integer':
    case 'decimal':
    case 'range':
      return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : String(v);
    case 'date':
    case 'time':
    case 'datetime':
      return dateCell(q.type, v);
    case 'metadata':
      if (q.kind === 'today') return dateCell('date', v);
      return q.kind === 'start' || q.kind === 'end' ? dateCell('datetime', v) : String(v);
    case 'media': {
      // The file as named on the device and the digest that names it on the server (…/attachments/<digest>).
      const f = v as { name?: unknown; digest?: unknown };
      return typeof v === 'object' ? `${String(f.name)} (sha-256 ${String(f.digest)})` : String(v);
    }
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** A question's columns: one, and for a multiple choice one 0/1 column per option after it (decision 167). */
interface QuestionColumns {
  header: string[];
  columns: Column[];
  cells: (v: unknown) => Cell[];
}

function questionColumns(form: FormDefinition, q: Question, lang: string): QuestionColumns {
  const text = localize(q.label, lang, form.defaultLanguage) || q.name;
  const choices = choicesOf(form, q);
  const coded = choices.map((c) => `${c.value} = ${localize(c.label, lang, form.defaultLanguage)}`);
  const main: Column = { field: q.name, type: q.type, ...(coded.length ? { values: coded.join('; ') } : {}) };
  if (q.type !== 'select_multiple')
    return { header: [text], columns: [main], cells: (v) => [display(form, q, v, lang)] };
  return {
    header: [text, ...choices.map((c) => `${text}: ${localize(c.label, lang, form.defaultLanguage)}`)],
    columns: [
      main,
      ...choices.map((c) => ({
        field: `${q.name}/${c.value}`,
        type: 'select_multiple option',
        values: '0; 1',
      })),
    ],
    cells: (v) => {
      const shown = display(form, q, v, lang);
      // Not answered (skipped by a relevance rule, or a draft) is not "not chosen": empty, not 0.
      if (shown === null) return [null, ...choices.map(() => null)];
      const picked = asList(v).map((x) => choiceFor(choices, x)?.value ?? x);
      return [shown, ...choices.map((c) => (picked.includes(c.value) ? 1 : 0))];
    },
  };
}

const recordColumns: Array<[string, string]> = [
  ['record', '_id'],
  ['caseCode', 'case_code'],
  ['caseStatus', 'case_status'],
  ['interviewer', 'interviewer'],
  ['review', 'review_status'],
  ['created', 'created_at'],
  ['device', 'device'],
];

/**
 * The sheets for one form's submissions: the main sheet (questions outside repeats), one row per
 * record, led by what joins it to its case (case code and status, interviewer, review status); and
 * one sheet per repeat with a row per item, its parent record id and case code (as ODK exports
 * them). Sheet names are the form's title in the export language, made valid later (xlsx.ts).
 */
export function formSheets(
  form: FormDefinition,
  docs: WireDoc[],
  lang: string,
  cases: ReadonlyMap<string, CaseInfo> = new Map(),
): Sheet[] {
  const key = `${form.id}@${form.version}`;
  const questions = questionsOf(form.children).filter((q) => q.question.type !== 'note');
  const title = localize(form.title, lang, form.defaultLanguage) || key;
  const top = questions
    .filter((q) => q.repeats.length === 0)
    .map((q) => ({
      q: q.question,
      c: questionColumns(form, q.question, lang),
    }));
  const main: Sheet = {
    name: title,
    form: key,
    header: [...recordColumns.map(([w]) => word(w, lang)), ...top.flatMap((t) => t.c.header)],
    columns: [
      ...recordColumns.map(([, field]) => ({ field, type: 'record' })),
      ...top.flatMap((t) => t.c.columns),
    ],
    rows: [],
  };
  const repeatNames = [...new Set(questions.filter((q) => q.repeats.length === 1).map((q) => q.repeats[0]!))];
  const repeatSheets = repeatNames.map((r) => {
    const qs = questions
      .filter((q) => q.repeats[0] === r && q.repeats.length === 1)
      .map((q) => ({ q: q.question, c: questionColumns(form, q.question, lang) }));
    const node = repeatNode(form, r);
    const rlabel = (node && localize(node.label, lang, form.defaultLanguage)) || r;
    const sheet: Sheet = {
      name: `${title} - ${rlabel}`,
      form: key,
      header: [
        word('parent', lang),
        word('caseCode', lang),
        word('item', lang),
        ...qs.flatMap((q) => q.c.header),
      ],
      columns: [
        { field: '_parent_id', type: 'record' },
        { field: 'case_code', type: 'record' },
        { field: '_item_id', type: 'record' },
        ...qs.flatMap((q) => q.c.columns),
      ],
      rows: [],
    };
    return { r, qs, sheet };
  });
  for (const d of docs) {
    const answers = (d.answers ?? {}) as Record<string, unknown>;
    const kase = typeof d.caseId === 'string' ? cases.get(d.caseId) : undefined;
    const review = (d.review as { state?: unknown } | undefined)?.state;
    main.rows.push([
      d._id,
      kase?.code ?? null,
      kase ? word(kase.status, lang) : null,
      typeof d.createdBy === 'string' ? d.createdBy : null,
      word(typeof review === 'string' ? `review.${review}` : 'review.none', lang),
      dateCell('datetime', d.createdAt),
      typeof d.device === 'string' ? d.device : null,
      ...top.flatMap((t) => t.c.cells(answers[t.q.name])),
    ]);
    for (const rs of repeatSheets) {
      const items = Array.isArray(answers[rs.r]) ? (answers[rs.r] as Array<Record<string, unknown>>) : [];
      for (const item of items) {
        rs.sheet.rows.push([
          d._id,
          kase?.code ?? null,
          String(item._id ?? ''),
          ...rs.qs.flatMap((q) => q.c.cells(item[q.q.name])),
        ]);
      }
    }
  }
  return [main, ...repeatSheets.map((r) => r.sheet)];
}

/** The repeat node of that name (for its label), wherever it sits in the form's groups. */
function repeatNode(form: FormDefinition, name: string): { label?: FormDefinition['title'] } | undefined {
  const walk = (nodes: FormDefinition['children']): { label?: FormDefinition['title'] } | undefined => {
    for (const n of nodes) {
      if (n.type === 'repeat' && n.name === name) return n;
      if (n.type === 'group' || n.type === 'repeat') {
        const found = walk(n.children);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(form.children);
}

/**
 * The workbook's last sheet: for every column of every form sheet, the header it shows, the field's
 * name in the form (what analysis scripts and other exports use), its type and its coded values.
 * Call it after the sheet names are final (uniqueSheetNames).
 */
export function codebookSheet(sheets: readonly Sheet[], lang: string): Sheet {
  const rows: Cell[][] = [];
  for (const s of sheets)
    s.columns?.forEach((c, i) =>
      rows.push([s.name, s.form ?? null, s.header[i] ?? null, c.field, c.type, c.values ?? null]),
    );
  return {
    name: word('codebook', lang),
    header: ['sheet', 'form', 'column', 'field', 'type', 'values'].map((k) => word(k, lang)),
    rows,
  };
}
