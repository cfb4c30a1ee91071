import { cell, languageCode, parseHeader } from './columns.ts';
import type { Problems } from './problem.ts';
import type { Sheet } from './read-workbook.ts';

export interface Settings {
  id: string;
  version: string;
  title: string;
  defaultLanguage: string;
}

/**
 * The `settings` sheet: form_id, version, form_title, default_language. Kobo writes ids with capitals
 * and versions with spaces (`1 (2021-03-04 10:00:00)`); Tern's form key is `id@version`, so such
 * values are turned into usable ones and the change is a warning, never a silent rename.
 */
export function readSettings(sheet: Sheet | undefined, survey: Sheet, problems: Problems): Settings {
  const out: Settings = { id: 'imported-form', version: '1', title: '', defaultLanguage: '' };
  const row = sheet?.rows[1];
  const cols = sheet && row ? parseHeader(sheet.name, sheet.rows[0]!, problems) : [];
  const get = (base: string): string => (row ? cell(row, cols, base) : '');
  const name = sheet?.name ?? 'settings';
  const id = get('form_id') || get('id_string');
  if (id !== '') {
    const clean = id
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+|-+$/g, '');
    if (clean === '') problems.error(name, 2, `form_id "${id}" has no letter or digit`, 'form_id');
    else {
      out.id = clean;
      if (clean !== id)
        problems.warning(
          name,
          2,
          `form_id "${id}" is used as "${clean}" (Tern form ids are lowercase letters, digits, _ and -)`,
          'form_id',
        );
    }
  }
  const version = get('version');
  if (version !== '') {
    const clean = version.replace(/[\s@]+/g, '_');
    out.version = clean;
    if (clean !== version)
      problems.warning(
        name,
        2,
        `version "${version}" is used as "${clean}" (a version has no spaces or @)`,
        'version',
      );
  }
  out.title = get('form_title') || get('title') || id || 'Imported form';
  const lang = get('default_language');
  if (lang !== '') {
    const code = languageCode(lang);
    if (code) out.defaultLanguage = code;
    else
      problems.warning(
        name,
        2,
        `Unknown language "${lang}"; write it as "${lang} (xx)". The default language is guessed instead`,
        'default_language',
      );
  }
  if (out.defaultLanguage === '') out.defaultLanguage = guessDefaultLanguage(survey);
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
