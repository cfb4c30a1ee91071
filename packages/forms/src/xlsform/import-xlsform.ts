import { checkForm } from '../compile-form.ts';
import { FormDefinition } from '../definition.ts';
import type { Choice } from '../definition.ts';
import { cell, languageCode, parseHeader } from './columns.ts';
import type { ImportProblem } from './problem.ts';
import { readChoices } from './read-choices.ts';
import { readSurvey } from './read-survey.ts';
import { readWorkbook } from './read-workbook.ts';
import type { Sheet } from './read-workbook.ts';

export type { ImportProblem };

export interface ImportResult {
  /** The definition, when what was importable forms a valid one (it may still have skipped rows: see problems). */
  form: FormDefinition | null;
  problems: ImportProblem[];
}

/** Where a definition property sits in the survey sheet. */
const COLUMN_OF: Record<string, string> = {
  relevant: 'relevant',
  constraint: 'constraint',
  calculate: 'calculation',
  choiceFilter: 'choice_filter',
  choiceList: 'type',
  choices: 'type',
  name: 'name',
};

/**
 * Import an XLSForm (survey, choices and settings sheets; https://xlsform.org). Every row or column
 * not taken over is in `problems` with its row number; a publishing UI should show them and refuse
 * to publish until they are resolved or accepted.
 */
export function importXlsForm(buffer: Uint8Array): ImportResult {
  const problems: ImportProblem[] = [];
  const sheets = readWorkbook(buffer, problems);
  if (!sheets) return { form: null, problems };
  const survey = sheets.get('survey');
  if (!survey) {
    problems.push({ sheet: 'survey', row: 0, message: 'No sheet named survey' });
    return { form: null, problems };
  }
  const settings = readSettings(sheets.get('settings'), problems);
  const defaultLang = settings.defaultLanguage ?? guessDefaultLanguage(survey);
  const lists = sheets.has('choices')
    ? readChoices(sheets.get('choices')!, defaultLang, problems)
    : new Map<string, Choice[]>();
  const { children, rowOf, languages } = readSurvey(survey, defaultLang, problems);
  const langs = [defaultLang, ...[...languages].filter((l) => l !== defaultLang)];

  const candidate = {
    id: settings.id ?? 'imported-form',
    version: settings.version ?? '1',
    title: settings.title
      ? { [defaultLang]: settings.title }
      : { [defaultLang]: settings.id ?? 'Imported form' },
    defaultLanguage: defaultLang,
    languages: langs,
    choiceLists: Object.fromEntries(lists),
    children,
  };
  const parsed = FormDefinition.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = locate(candidate, issue.path, rowOf);
      problems.push({
        sheet: where.sheet,
        row: where.row,
        message: `${issue.path.join('.')}: ${issue.message}`,
      });
    }
    return { form: null, problems };
  }
  const defProblems = checkForm(parsed.data);
  const placed = defProblems.map((p): ImportProblem => {
    const at = p.position === undefined ? '' : ` (at character ${p.position + 1})`;
    return {
      sheet: survey.name,
      row: rowOf.get(p.path) ?? 0,
      column: COLUMN_OF[p.property] ?? p.property,
      message: `${p.message}${at}`,
    };
  });
  problems.push(...placed.sort((a, b) => a.row - b.row));
  return { form: defProblems.length === 0 ? parsed.data : null, problems };
}

interface Settings {
  id?: string;
  version?: string;
  title?: string;
  defaultLanguage?: string;
}

function readSettings(sheet: Sheet | undefined, problems: ImportProblem[]): Settings {
  const out: Settings = {};
  if (!sheet || sheet.rows.length < 2) return out;
  const cols = parseHeader(sheet.name, sheet.rows[0]!, problems);
  const row = sheet.rows[1]!;
  const id = cell(row, cols, 'form_id');
  if (id !== '') {
    if (/^[a-z0-9][a-z0-9_-]*$/.test(id)) out.id = id;
    else
      problems.push({
        sheet: sheet.name,
        row: 2,
        column: 'form_id',
        message: `form_id "${id}": use lowercase letters, digits, _ and -`,
      });
  }
  const version = cell(row, cols, 'version');
  if (version !== '') out.version = version;
  const title = cell(row, cols, 'form_title');
  if (title !== '') out.title = title;
  const lang = cell(row, cols, 'default_language');
  if (lang !== '') {
    const code = languageCode(lang);
    if (code) out.defaultLanguage = code;
    else
      problems.push({
        sheet: sheet.name,
        row: 2,
        column: 'default_language',
        message: `Unknown language "${lang}"; write it as "${lang} (xx)"`,
      });
  }
  return out;
}

/** Without a default_language setting: English if there is an English label column, else the first language, else en. */
function guessDefaultLanguage(survey: Sheet): string {
  const langs = (survey.rows[0] ?? [])
    .filter((h) => h.toLowerCase().startsWith('label::'))
    .map((h) => languageCode(h.slice(7)));
  if (langs.includes('en')) return 'en';
  return langs.find((l) => l !== null) ?? 'en';
}

/** Best row for a zod issue: the survey row of the deepest node on its path. */
function locate(
  candidate: { children: unknown[] },
  path: PropertyKey[],
  rowOf: Map<string, number>,
): { sheet: string; row: number } {
  if (path[0] !== 'children') return { sheet: path[0] === 'choiceLists' ? 'choices' : 'settings', row: 0 };
  let nodes: unknown = candidate.children;
  const names: string[] = [];
  for (let i = 1; i < path.length; i += 2) {
    const node = (nodes as Array<{ name?: string; children?: unknown }>)[Number(path[i])];
    if (!node) break;
    names.push(String(node.name));
    if (path[i + 1] !== 'children') break;
    nodes = node.children;
  }
  return { sheet: 'survey', row: rowOf.get(names.join('/')) ?? 0 };
}
