import { checkForm } from '../compile-form.ts';
import { FormDefinition } from '../definition.ts';
import type { Choice } from '../definition.ts';
import { Problems } from './problem.ts';
import type { ImportProblem } from './problem.ts';
import { readChoices } from './read-choices.ts';
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
export function importXlsForm(buffer: Uint8Array): ImportResult {
  const problems = new Problems();
  const form = build(buffer, problems);
  return { form: problems.errors === 0 ? form : null, problems: problems.list };
}

function build(buffer: Uint8Array, problems: Problems): FormDefinition | null {
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
  const { children, rowOf, languages, orOther } = readSurvey(survey, defaultLang, problems);
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
      problems.error(where.sheet, where.row, `The form cannot be built here: ${issue.message}`);
    }
    return null;
  }
  const defProblems = checkForm(parsed.data)
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
