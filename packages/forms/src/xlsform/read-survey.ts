import { MAX_NESTING, NAME_PATTERN } from '../definition.ts';
import type { FormNode, Group, Question, Repeat, SelectQuestion } from '../definition.ts';
import { cell, noticeSameLanguage, parseHeader } from './columns.ts';
import type { Problems } from './problem.ts';
import { answerable, mediaQuestion, simpleQuestion, text, value } from './read-question.ts';
import type { RowContext } from './read-question.ts';
import type { Sheet } from './read-workbook.ts';
import { Appearances, noticeColumns } from './survey-columns.ts';
import { parseType } from './survey-types.ts';

const NAME = NAME_PATTERN;

export interface SurveyResult {
  children: FormNode[];
  /** Spreadsheet row of each node, by its path, to place definition problems on the right row. */
  rowOf: Map<string, number>;
  languages: Set<string>;
  /** Choice lists used with `or_other`: the importer adds their `other` choice. */
  orOther: Set<string>;
  /** Attached files named by select_one_from_file rows, with the first row naming each. */
  files: Map<string, number>;
}

interface Open {
  node: Group | Repeat;
  row: number;
  path: string;
}

/**
 * The `survey` sheet to a node tree. Each row that cannot be taken over is reported with its row
 * number and the reason; rows are never dropped silently, and a refused row that opens a group or a
 * repeat is an error (skipping it would move its questions).
 */
export function readSurvey(
  sheet: Sheet,
  plainLang: string,
  problems: Problems,
  listOfFile: (file: string) => string = (f) => f,
): SurveyResult {
  const [header = [], ...rows] = sheet.rows;
  const cols = parseHeader(sheet.name, header, problems, 'survey');
  const languages = new Set<string>(cols.filter((c) => c.lang !== null).map((c) => c.lang!));
  const rowOf = new Map<string, number>();
  const orOther = new Set<string>();
  const files = new Map<string, number>();
  const out: SurveyResult = { children: [], rowOf, languages, orOther, files };
  const error = (row: number, message: string, column?: string): void =>
    problems.error(sheet.name, row, message, column);
  if (!cols.some((c) => c.base === 'type')) {
    error(1, 'The survey sheet has no type column (its first row names the columns: type, name, label…)');
    return out;
  }
  noticeColumns(sheet, cols, rows, problems);
  noticeSameLanguage(sheet.name, cols, plainLang, problems);
  const appearances = new Appearances(sheet.name);

  const stack: Open[] = [];
  const here = (): FormNode[] => stack.at(-1)?.node.children ?? out.children;
  const prefix = (): string => stack.at(-1)?.path ?? '';
  const place = (node: FormNode, r: number): string => {
    const path = prefix() ? `${prefix()}/${node.name}` : node.name;
    here().push(node);
    rowOf.set(path, r);
    return path;
  };

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const r = i + 2;
    if (row.every((v) => v === '')) continue;
    const c: RowContext = {
      row,
      cols,
      plainLang,
      warn: (m, col) => problems.warning(sheet.name, r, m, col),
      error: (m, col) => error(r, m, col),
    };
    const typeCell = cell(row, cols, 'type');
    const name = value(c, 'name');
    if (typeCell === '') {
      if (name !== '') error(r, `Row with name "${name}" has no type`, 'type');
      else c.warn('Row has text but no type and no name; skipped', 'type');
      continue;
    }
    const t = parseType(typeCell);
    if (t.kind === 'end') {
      const open = stack.pop();
      if (!open) error(r, `end ${t.what} without a matching begin ${t.what}`, 'type');
      else if (open.node.type !== t.what)
        error(r, `end ${t.what} closes the ${open.node.type} opened on row ${open.row}`, 'type');
      else if (t.what === 'repeat' && open.node.children.length === 0)
        error(open.row, `begin repeat "${open.node.name}" has no questions before its end repeat`, 'type');
      continue;
    }
    if (t.kind === 'ignored') {
      c.warn(t.message, 'type');
      continue;
    }
    if (t.kind === 'refused') {
      error(r, t.message, 'type');
      continue;
    }
    if (!NAME.test(name)) {
      error(
        r,
        name
          ? `Name "${name}" must start with a letter or _ and hold only letters, digits, _, - and . (no spaces)`
          : `The ${typeCell} row has no name`,
        'name',
      );
      // A refused begin still opens: its end must not close the parent (the form is refused anyway).
      if (t.kind === 'begin')
        stack.push({ node: { type: t.what, name: '?', label: {}, children: [] }, row: r, path: '?' });
      continue;
    }
    const relevant = value(c, 'relevant') || undefined;
    const appearance = value(c, 'appearance');
    if (t.kind === 'begin') {
      if (stack.length >= MAX_NESTING) {
        error(r, `Groups and repeats are nested more than ${MAX_NESTING} deep`, 'type');
        return out;
      }
      const node: Group | Repeat = { type: t.what, name, label: text(c, 'label') ?? {}, children: [] };
      if (relevant) node.relevant = relevant;
      if (appearance) node.appearance = appearance;
      appearances.check(c, t.what, appearance, r);
      const count = value(c, 'repeat_count');
      if (count !== '') {
        if (node.type === 'repeat') node.count = count;
        else c.warn('repeat_count applies to a repeat; ignored on a group', 'repeat_count');
      }
      stack.push({ node, row: r, path: place(node, r) });
      continue;
    }
    let q: Question | null;
    if (t.kind === 'metadata') {
      q = { type: 'metadata', name, kind: t.meta };
      const label = text(c, 'label');
      if (label) q.label = label;
    } else if (t.kind === 'select') {
      const select = {
        type: t.type,
        name,
        label: text(c, 'label') ?? {},
        choiceList: t.file ? listOfFile(t.file) : t.list,
      } as SelectQuestion | Extract<Question, { type: 'rank' }>;
      const filter = value(c, 'choice_filter');
      if (filter) select.choiceFilter = filter;
      if (t.file && !files.has(t.file)) files.set(t.file, r);
      answerable(c, select);
      q = select;
    } else if (t.kind === 'media') {
      q = mediaQuestion(c, t.accept, t.signature, name);
    } else {
      if (t.warning) c.warn(t.warning, 'type');
      q = simpleQuestion(c, t.type, name);
    }
    if (!q) continue;
    if (relevant && q.type !== 'metadata') q.relevant = relevant;
    if (appearance && q.type !== 'metadata' && q.type !== 'calculate')
      q.appearance = q.appearance ? `${q.appearance} ${appearance}` : appearance;
    appearances.check(c, q.type, appearance, r);
    place(q, r);
    if (t.kind === 'select' && t.orOther) {
      // pyxform's or_other: an `other` choice in the list and a text question asked when it is chosen.
      orOther.add(t.list);
      const other: Question = {
        type: 'text',
        name: `${name}_other`,
        label: { [plainLang]: 'Specify other.' },
        relevant: `selected(\${${name}}, 'other')`,
      };
      place(other, r);
    }
  }
  for (const open of stack.reverse())
    error(open.row, `begin ${open.node.type} "${open.node.name}" has no end ${open.node.type}`, 'type');
  appearances.report(problems);
  return out;
}
