import { NAME_PATTERN } from '../definition.ts';
import type { FormNode, Group, LocalizedText, Question, Repeat, SelectQuestion } from '../definition.ts';
import { cell, localized, noticeSameLanguage, parseHeader } from './columns.ts';
import type { Column } from './columns.ts';
import type { Problems } from './problem.ts';
import type { Sheet } from './read-workbook.ts';

const NAME = NAME_PATTERN;
const SIMPLE = new Set(['text', 'integer', 'decimal', 'date', 'note', 'calculate', 'country']);
const HANDLED = new Set([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'relevant',
  'constraint',
  'constraint_message',
  'calculation',
  'default',
  'choice_filter',
]);
/** Columns that change nothing about the data; ignored with one notice per column. */
const PRESENTATION = new Set([
  'appearance',
  'guidance_hint',
  'media',
  'image',
  'audio',
  'video',
  'big-image',
  'autoplay',
]);

export interface SurveyResult {
  children: FormNode[];
  /** Spreadsheet row of each node, by its path, to place definition problems on the right row. */
  rowOf: Map<string, number>;
  languages: Set<string>;
}

interface Open {
  node: Group | Repeat;
  row: number;
  path: string;
}

/**
 * The `survey` sheet to a node tree. Each row that cannot be taken over is reported with its row
 * number and the reason; rows are never dropped silently.
 */
export function readSurvey(sheet: Sheet, defaultLang: string, problems: Problems): SurveyResult {
  const [header = [], ...rows] = sheet.rows;
  const cols = parseHeader(sheet.name, header, problems);
  const languages = new Set<string>(cols.filter((c) => c.lang !== null).map((c) => c.lang!));
  const rowOf = new Map<string, number>();
  const error = (row: number, message: string, column?: string): void =>
    problems.error(sheet.name, row, message, column);
  const warning = (row: number, message: string, column?: string): void =>
    problems.warning(sheet.name, row, message, column);
  if (!cols.some((c) => c.base === 'type')) {
    error(1, 'The survey sheet has no type column (its first row names the columns: type, name, label…)');
    return { children: [], rowOf, languages };
  }
  noticeColumns(sheet, cols, rows, problems);
  noticeSameLanguage(sheet.name, cols, defaultLang, problems);

  const root: FormNode[] = [];
  const stack: Open[] = [];
  const here = (): FormNode[] => stack.at(-1)?.node.children ?? root;
  const prefix = (): string => stack.at(-1)?.path ?? '';

  rows.forEach((row, i) => {
    const r = i + 2;
    if (row.every((v) => v === '')) return;
    const type = cell(row, cols, 'type').replace(/\s+/g, ' ');
    const name = cell(row, cols, 'name');
    const txt = (base: string): LocalizedText | undefined => localized(row, cols, base, defaultLang);
    const expr = (base: string): string | undefined => cell(row, cols, base) || undefined;
    if (type === '') {
      if (name !== '') return error(r, `Row with name "${name}" has no type`, 'type');
      return warning(r, 'Row has text but no type and no name; skipped', 'type');
    }

    const [kw, arg, extra] = type.split(' ') as [string, string | undefined, string | undefined];
    const end = /^end[ _](group|repeat)$/.exec(type);
    if (end) {
      const what = end[1] as 'group' | 'repeat';
      const open = stack.pop();
      if (!open) return error(r, `end ${what} without a matching begin ${what}`, 'type');
      if (open.node.type !== what)
        error(r, `end ${what} closes the ${open.node.type} opened on row ${open.row}`, 'type');
      else if (what === 'repeat' && open.node.children.length === 0)
        error(open.row, `begin repeat "${open.node.name}" has no questions before its end repeat`, 'type');
      return;
    }
    if (!NAME.test(name))
      return error(
        r,
        name
          ? `Name "${name}" must start with a letter or _ and hold only letters, digits, _, - and . (no spaces)`
          : `The ${type} row has no name`,
        'name',
      );
    const path = prefix() ? `${prefix()}/${name}` : name;
    const label = txt('label') ?? {};
    const relevant = expr('relevant');

    if (
      type === 'begin group' ||
      type === 'begin_group' ||
      type === 'begin repeat' ||
      type === 'begin_repeat'
    ) {
      const isRepeat = type.includes('repeat');
      if (cell(row, cols, 'repeat_count') !== '')
        warning(r, 'repeat_count is not supported; the repeat takes any number of entries', 'repeat_count');
      const node: Group | Repeat = isRepeat
        ? { type: 'repeat', name, label, children: [] }
        : { type: 'group', name, label, children: [] };
      if (relevant) node.relevant = relevant;
      here().push(node);
      rowOf.set(path, r);
      stack.push({ node, row: r, path });
      return;
    }

    let q: Question;
    if (kw === 'select_one' || kw === 'select_multiple') {
      if (!arg || !NAME.test(arg))
        return error(r, `${kw} needs a choice list name, as "${kw} yes_no"`, 'type');
      if (extra !== undefined)
        return error(
          r,
          `"${type}": ${extra === 'or_other' ? 'or_other is' : `"${extra}" is`} not supported`,
          'type',
        );
      const select: SelectQuestion = { type: kw, name, label, choiceList: arg };
      const filter = expr('choice_filter');
      if (filter) select.choiceFilter = filter;
      q = select;
    } else if (kw === 'select_one_from_file' || kw === 'select_multiple_from_file') {
      return error(r, `${kw} is not supported yet: put the choices in the choices sheet`, 'type');
    } else if (SIMPLE.has(type)) {
      if (type === 'calculate') {
        const calculation = expr('calculation');
        if (!calculation) return error(r, 'The calculate row has no calculation', 'calculation');
        q = { type: 'calculate', name, calculate: calculation };
        if (Object.keys(label).length > 0) q.label = label;
      } else q = { type, name, label } as Question;
    } else {
      return error(r, `Question type "${type}" is not supported`, 'type');
    }

    if (relevant) q.relevant = relevant;
    if (q.type !== 'note' && q.type !== 'calculate') {
      const hint = txt('hint');
      if (hint) q.hint = hint;
      const req = cell(row, cols, 'required').toLowerCase();
      if (['yes', 'true', 'true()', '1'].includes(req)) q.required = true;
      else if (!['', 'no', 'false', 'false()', '0'].includes(req))
        warning(r, `required "${req}": only yes/no is supported; taken as not required`, 'required');
      const constraint = expr('constraint');
      if (constraint) q.constraint = constraint;
      const msg = txt('constraint_message');
      if (msg) q.constraintMessage = msg;
      const calculation = expr('calculation');
      if (calculation) q.calculate = calculation;
      const dflt = cell(row, cols, 'default');
      if (dflt !== '') {
        if (q.type === 'integer' || q.type === 'decimal') {
          const n = Number(dflt);
          if (Number.isFinite(n)) q.default = n;
          else warning(r, `default "${dflt}" is not a number; ignored`, 'default');
        } else q.default = q.type === 'select_multiple' ? dflt.split(/\s+/) : dflt;
      }
    } else if (cell(row, cols, 'required') !== '' || expr('constraint')) {
      warning(r, `required and constraint do not apply to a ${q.type}; ignored`);
    }
    here().push(q);
    rowOf.set(path, r);
  });
  for (const open of stack.reverse())
    error(open.row, `begin ${open.node.type} "${open.node.name}" has no end ${open.node.type}`, 'type');
  return { children: root, rowOf, languages };
}

function noticeColumns(
  sheet: Sheet,
  cols: readonly Column[],
  rows: readonly string[][],
  problems: Problems,
): void {
  for (const c of cols) {
    if (HANDLED.has(c.base) || c.base === 'repeat_count') continue;
    if (!rows.some((row) => (row[c.index] ?? '') !== '')) continue;
    const why = PRESENTATION.has(c.base) ? 'presentation only' : 'not supported';
    problems.warning(sheet.name, 1, `Column ${c.header} is ${why}; its values are ignored`, c.header);
  }
}
