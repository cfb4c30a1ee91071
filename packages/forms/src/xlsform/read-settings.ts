import { cell, parseHeader } from './columns.ts';
import { languageOf } from './languages.ts';
import { Problems } from './problem.ts';
import type { Sheet } from './read-workbook.ts';

export interface Settings {
  id: string;
  version: string;
  title: string;
  /** The language of unlocalised columns (`label`, `hint`) and of the title; the form's default. */
  defaultLanguage: string;
}

/**
 * The `settings` sheet: form_id, version, form_title, default_language. Kobo writes ids with capitals
 * and versions with spaces (`1 (2021-03-04 10:00:00)`); Tern's form key is `id@version`, so such
 * values are turned into usable ones and the change is a warning, never a silent rename.
 */
export function readSettings(
  sheet: Sheet | undefined,
  texts: readonly Sheet[],
  problems: Problems,
): Settings {
  const out: Settings = { id: 'imported-form', version: '1', title: '', defaultLanguage: '' };
  const row = sheet?.rows[1];
  const cols = sheet && row ? parseHeader(sheet.name, sheet.rows[0]!, problems, 'settings') : [];
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
    const code = languageOf(lang);
    if (code) out.defaultLanguage = code.code;
  }
  if (out.defaultLanguage === '') out.defaultLanguage = guessDefaultLanguage(texts, problems);
  return out;
}

/**
 * Without a default_language setting. When unlocalised text columns (`label`) sit beside localised ones
 * (`label::Arabic (ar)`), the unlocalised texts are a language of their own that the form does not
 * name: pyxform calls it "default", and so does Tern, with a warning; guessing (say, English) could
 * store one language's texts as another's, or overwrite them. Otherwise: English if a column is
 * English, else the first language named, else en.
 */
function guessDefaultLanguage(texts: readonly Sheet[], problems: Problems): string {
  const named: string[] = [];
  const plain: Array<{ sheet: string; header: string }> = [];
  for (const sheet of texts) {
    const [header = [], ...rows] = sheet.rows;
    for (const c of parseHeader(
      sheet.name,
      header,
      new Problems(),
      sheet.name.trim().toLowerCase() === 'choices' ? 'choices' : 'survey',
    )) {
      if (!['label', 'hint', 'constraint_message', 'required_message'].includes(c.base)) continue;
      if (c.lang !== null) named.push(c.lang);
      else if (rows.some((r) => (r[c.index] ?? '') !== ''))
        plain.push({ sheet: sheet.name, header: c.header });
    }
  }
  if (named.length === 0) return 'en';
  if (plain.length > 0) {
    const first = plain[0]!;
    problems.warning(
      first.sheet,
      1,
      `Column ${first.header} has no language while other columns do (${[...new Set(named)].join(', ')}), and the settings sheet has no default_language: its texts are kept as the language "default". Name it (label::English (en)) or set default_language`,
      first.header,
    );
    return 'default';
  }
  return named.includes('en') ? 'en' : named[0]!;
}
