import { checkForm } from '../compile-form.ts';
import { FormDefinition } from '../definition.ts';
import type { Choice } from '../definition.ts';
import { Problems } from './problem.ts';
import type { ImportProblem } from './problem.ts';
import { readChoices } from './read-choices.ts';
import { FILE_LIMITS, fileListName, readFileChoices } from './read-file-choices.ts';
import { readSettings } from './read-settings.ts';
import { readSurvey } from './read-survey.ts';
import { readWorkbook } from './read-workbook.ts';

export type { ImportProblem };

export interface ImportResult {
  /** The definition, or null when any problem is an error. Warnings say what was left out or changed. */
  form: FormDefinition | null;
  /** Errors and warnings, each with sheet, row and column. */
  problems: ImportProblem[];
}

export interface ImportOptions {
  /**
   * The form's attached files by file name (the media files of ODK and Kobo): the CSVs that
   * `select_one_from_file` rows name. Their choices become choice lists of the definition (decision 140).
   */
  files?: ReadonlyMap<string, Uint8Array>;
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
  label: 'label',
  hint: 'hint',
  constraintMessage: 'constraint_message',
  requiredMessage: 'required_message',
};

/**
 * Import an XLSForm (survey, choices and settings sheets; https://xlsform.org). Every row or column
 * not taken over as written is in `problems` with its sheet, row and column. With any error `form` is
 * null; with warnings only, the form is usable and the publishing UI asks the admin to acknowledge them.
 */
export function importXlsForm(buffer: Uint8Array, options: ImportOptions = {}): ImportResult {
  const problems = new Problems();
  const form = build(buffer, options.files ?? new Map(), problems);
  return { form: problems.errors === 0 ? form : null, problems: problems.list };
}

function build(
  buffer: Uint8Array,
  files: ReadonlyMap<string, Uint8Array>,
  problems: Problems,
): FormDefinition | null {
  const sheets = readWorkbook(buffer, problems);
  if (!sheets) return null;
  const survey = sheets.get('survey');
  if (!survey) {
    const names = [...sheets.values()].map((s) => s.name).join(', ');
    problems.error(
      'survey',
      0,
      `The workbook has no sheet named "survey"${names ? ` (its sheets: ${names})` : ''}. An XLSForm keeps its questions on a sheet called survey`,
    );
    return null;
  }
  const texts = [survey, sheets.get('choices')].filter((x) => x !== undefined);
  const settings = readSettings(sheets.get('settings'), texts, problems);
  const defaultLang = settings.defaultLanguage;
  const lists = sheets.has('choices')
    ? readChoices(sheets.get('choices')!, defaultLang, problems)
    : new Map<string, Choice[]>();
  const fileLists = new Map<string, string>();
  const listOfFile = (file: string): string => {
    let name = fileLists.get(file);
    if (name === undefined) {
      name = fileListName(file, new Set([...lists.keys(), ...fileLists.values()]));
      fileLists.set(file, name);
    }
    return name;
  };
  const survey_ = readSurvey(survey, defaultLang, problems, listOfFile);
  const { children, rowOf, languages, orOther } = survey_;
  readAttachedFiles(survey.name, survey_.files, files, fileLists, defaultLang, lists, problems);
  // A file refused above already has its own problems: its list is not "missing" as well.
  const unread = new Set([...fileLists.values()].filter((l) => !lists.has(l)));
  for (const name of orOther) {
    const list = lists.get(name);
    if (list && !list.some((c) => c.value === 'other'))
      list.push({ value: 'other', label: { [defaultLang]: 'Other' } });
  }
  if (children.length === 0) {
    if (problems.errors === 0) problems.error(survey.name, 0, 'The survey sheet has no questions');
    return null;
  }
  for (const list of lists.values())
    for (const c of list) for (const l of Object.keys(c.label)) languages.add(l);
  const langs = [defaultLang, ...[...languages].filter((l) => l !== defaultLang)];

  const candidate = {
    id: settings.id,
    version: settings.version,
    title: { [defaultLang]: settings.title },
    defaultLanguage: defaultLang,
    languages: langs,
    choiceLists: Object.fromEntries(lists),
    children,
  };
  const parsed = FormDefinition.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = locate(candidate, issue.path, rowOf);
      problems.error(where.sheet, where.row, `The form cannot be built here: ${plainIssue(issue)}`);
    }
    return null;
  }
  const defProblems = checkForm(parsed.data)
    .filter((p) => ![...unread].some((l) => p.message === `No choice list named ${l}`))
    .map((p): ImportProblem => {
      const at = p.position === undefined ? '' : ` (at character ${p.position + 1})`;
      return {
        severity: 'error',
        sheet: survey.name,
        row: rowOf.get(p.path) ?? 0,
        column: COLUMN_OF[p.property] ?? p.property,
        message: `${p.message}${at}`,
      };
    })
    .sort((a, b) => a.row - b.row);
  problems.list.push(...defProblems);
  return parsed.data;
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

/** The CSVs the survey names, read into choice lists; a missing, unused or unreadable file is a problem. */
function readAttachedFiles(
  sheet: string,
  named: ReadonlyMap<string, number>,
  files: ReadonlyMap<string, Uint8Array>,
  fileLists: ReadonlyMap<string, string>,
  defaultLang: string,
  lists: Map<string, Choice[]>,
  problems: Problems,
): void {
  if (files.size > FILE_LIMITS.maxFiles) {
    problems.error(
      '',
      0,
      `${files.size} files came with the form; at most ${FILE_LIMITS.maxFiles} are taken`,
    );
    return;
  }
  for (const [file, row] of named) {
    const bytes = files.get(file);
    if (!bytes) {
      problems.error(
        sheet,
        row,
        `The choices come from ${file}, which was not uploaded with the form. Add ${file} beside the XLSForm`,
        'type',
      );
      continue;
    }
    const choices = readFileChoices(file, bytes, defaultLang, problems);
    if (choices) lists.set(fileLists.get(file)!, choices);
  }
  for (const file of files.keys())
    if (!named.has(file))
      problems.warning(
        file,
        0,
        `No select_one_from_file or select_multiple_from_file row names ${file}; the file is not kept`,
      );
}

/**
 * A schema issue in plain words, naming the column where it can ("the constraint is longer than 4000
 * characters", not "Too big: expected string to have <=4000 characters"); other issues keep the
 * schema's own message.
 */
export function plainIssue(issue: {
  code: string;
  message: string;
  path: PropertyKey[];
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
}): string {
  const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? 'a value';
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `the ${field} is longer than ${issue.maximum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'array')
    return `the ${field} has more than ${issue.maximum} entries`;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return `the ${field} is empty`;
  if (issue.code === 'too_small' && issue.origin === 'array')
    return `the ${field} needs at least ${issue.minimum} entries`;
  return issue.message;
}
