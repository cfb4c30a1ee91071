import type { Problems } from './problem.ts';

/**
 * XLSForm column headers: `label`, `label::English (en)`, `label::fr`, `constraint_message::Français (fr)`.
 * The code in parentheses wins (the ODK convention); a bare language name is mapped for the common ones.
 */
export interface Column {
  index: number;
  header: string;
  base: string;
  /** Language code, or null for an unlocalised column (taken as the default language). */
  lang: string | null;
}

const NAMES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  arabic: 'ar',
  العربية: 'ar',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  russian: 'ru',
  русский: 'ru',
  portuguese: 'pt',
  português: 'pt',
};

export function languageCode(spec: string): string | null {
  const paren = /\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\)\s*$/.exec(spec);
  if (paren) return paren[1]!.toLowerCase();
  const s = spec.trim().toLowerCase();
  if (NAMES[s]) return NAMES[s];
  return /^[a-z]{2,3}$/.test(s) ? s : null;
}

export function parseHeader(sheet: string, header: readonly string[], problems: Problems): Column[] {
  const cols: Column[] = [];
  header.forEach((h, index) => {
    if (h === '') return;
    const [base, spec] = h.split('::', 2) as [string, string | undefined];
    const b = base.trim().toLowerCase().replace(/\s+/g, '_');
    if (spec === undefined) {
      cols.push({ index, header: h, base: b, lang: null });
      return;
    }
    const lang = languageCode(spec);
    if (!lang) {
      problems.warning(
        sheet,
        1,
        `Unknown language "${spec}"; write it as "${spec} (xx)" with its ISO 639-1 code. Column ignored`,
        h,
      );
      return;
    }
    cols.push({ index, header: h, base: b, lang });
  });
  return cols;
}

/** The cell of a row under the first column with this base name (unlocalised). */
export function cell(row: readonly string[], cols: readonly Column[], base: string): string {
  const c = cols.find((x) => x.base === base);
  return c ? (row[c.index] ?? '') : '';
}

/** Localised text of a row: { lang: text } for every `base` and `base::lang` column with text. */
export function localized(
  row: readonly string[],
  cols: readonly Column[],
  base: string,
  defaultLang: string,
): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const c of cols) {
    if (c.base !== base) continue;
    const v = row[c.index] ?? '';
    if (v === '') continue;
    out ??= {};
    out[c.lang ?? defaultLang] = v;
  }
  return out;
}
