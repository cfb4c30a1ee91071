import { NAME_PATTERN } from '../definition.ts';
import type { Choice } from '../definition.ts';
import { cell, localized, noticeSameLanguage, parseHeader } from './columns.ts';
import type { Problems } from './problem.ts';
import type { Sheet } from './read-workbook.ts';

const NAME = NAME_PATTERN;
/** Columns readable by a bare name in a choice_filter: what the expression tokenizer reads as a name. */
const DATA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KNOWN = new Set(['list_name', 'name', 'label', 'value', 'image', 'media', 'audio', 'video']);

/**
 * The `choices` sheet: list_name, name, label[::lang]. Other columns whose header is a plain name
 * become the choice's `data`, readable by bare names in a choice_filter (e.g. `country=${country}`).
 */
export function readChoices(sheet: Sheet, defaultLang: string, problems: Problems): Map<string, Choice[]> {
  const lists = new Map<string, Choice[]>();
  const [header = [], ...rows] = sheet.rows;
  const cols = parseHeader(sheet.name, header, problems, 'choices');
  noticeSameLanguage(sheet.name, cols, defaultLang, problems);
  if (!cols.some((c) => c.base === 'list_name')) {
    problems.error(sheet.name, 1, 'The choices sheet has no list_name column');
    return lists;
  }
  const dataCols = cols.filter(
    (c) =>
      c.lang === null &&
      !KNOWN.has(c.base) &&
      DATA_NAME.test(c.base) &&
      c.base !== '__proto__' &&
      c.base !== 'constructor',
  );
  for (const c of cols) {
    if (c.lang === null && !KNOWN.has(c.base) && !dataCols.includes(c))
      problems.warning(
        sheet.name,
        1,
        `Column ${c.header} is ignored: only a column named with letters, digits and _ can be read by a choice_filter`,
        c.header,
      );
    if (c.base === 'image' || c.base === 'media' || c.base === 'audio' || c.base === 'video')
      problems.warning(
        sheet.name,
        1,
        `Pictures and sounds in choices are not shown by Tern; column ${c.header} is ignored`,
        c.header,
      );
  }
  rows.forEach((row, i) => {
    const r = i + 2;
    if (row.every((v) => v === '')) return;
    const list = cell(row, cols, 'list_name');
    const value = cell(row, cols, 'name') || cell(row, cols, 'value');
    if (!NAME.test(list)) {
      problems.error(
        sheet.name,
        r,
        list
          ? `List name "${list}" must start with a letter or _ and hold only letters, digits, _, - and .`
          : 'The choice has no list_name',
        'list_name',
      );
      return;
    }
    if (value === '' || /\s/.test(value)) {
      problems.error(
        sheet.name,
        r,
        value
          ? `Choice name "${value}" has a space; choice names are single words (use _ instead)`
          : 'The choice has no name',
        'name',
      );
      return;
    }
    const choice: Choice = { value, label: localized(row, cols, 'label', defaultLang) ?? {} };
    const data: Record<string, string> = {};
    for (const c of dataCols) if ((row[c.index] ?? '') !== '') data[c.base] = row[c.index]!;
    if (Object.keys(data).length > 0) choice.data = data;
    const l = lists.get(list);
    if (l) {
      if (l.some((x) => x.value === value)) {
        problems.error(sheet.name, r, `Choice ${value} appears twice in list ${list}`, 'name');
        return;
      }
      l.push(choice);
    } else lists.set(list, [choice]);
  });
  return lists;
}
