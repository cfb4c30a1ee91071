import { languageOf } from './languages.ts';
import type { Problems } from './problem.ts';

/**
 * XLSForm column headers: `label`, `label::English (en)`, `label::Tigrinya`, the older `label:English`,
 * `constraint_message::Français (fr)`. A header names a base column and, for the texts that can be
 * translated, a language.
 */
export interface Column {
  index: number;
  header: string;
  base: string;
  /** Language key, or null for an unlocalised column (its texts go to the form's plain language). */
  lang: string | null;
}

/** Columns whose text is per language; only these take the older single-colon `label:English`. */
const TRANSLATABLE = new Set([
  'label',
  'hint',
  'guidance_hint',
  'constraint_message',
  'required_message',
  'image',
  'audio',
  'video',
  'big-image',
  'media::image',
  'media::audio',
  'media::video',
]);

/** Which sheet a header row belongs to: each has its own aliases, as in pyxform. */
export type SheetKind = 'survey' | 'choices' | 'settings';

export function parseHeader(
  sheet: string,
  header: readonly string[],
  problems: Problems,
  kind: SheetKind,
): Column[] {
  const cols: Column[] = [];
  const aliases = SHEET_ALIASES[kind];
  header.forEach((h, index) => {
    if (h === '') return;
    const at = splitHeader(h, aliases);
    if (!at) {
      cols.push({ index, header: h, base: normalize(h, aliases), lang: null });
      return;
    }
    const lang = languageOf(at.spec);
    if (!lang) {
      cols.push({ index, header: h, base: at.base, lang: null });
      return;
    }
    if (lang.unknown)
      problems.warning(
        sheet,
        1,
        `Language "${at.spec}" is not recognised; its texts are kept under that name. Write it as "${at.spec} (xx)" with its ISO 639 code to have its name and writing direction right`,
        h,
      );
    cols.push({ index, header: h, base: at.base, lang: lang.code });
  });
  return cols;
}

/**
 * Other names of survey columns, as pyxform reads them (its aliases are the XLSForm spec in practice):
 * `caption`, `relevance`, `bind::relevant`, `constraint message`, `jr:count`, `control::appearance`…
 */
const SURVEY_ALIASES: Record<string, string> = {
  caption: 'label',
  relevance: 'relevant',
  'bind::relevant': 'relevant',
  readonly: 'read_only',
  'bind::readonly': 'read_only',
  'bind::required': 'required',
  'bind::constraint': 'constraint',
  constraining_message: 'constraint_message',
  constraint_msg: 'constraint_message',
  'bind::jr:constraintmsg': 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  calculate: 'calculation',
  'bind::calculate': 'calculation',
  requiredmsg: 'required_message',
  'bind::jr:requiredmsg': 'required_message',
  'jr:requiredmsg': 'required_message',
  count: 'repeat_count',
  'jr:count': 'repeat_count',
  'control::jr:count': 'repeat_count',
  'control::appearance': 'appearance',
  'media::image': 'image',
  'media::audio': 'audio',
  'media::video': 'video',
  'media::big-image': 'big-image',
  command: 'type',
  tag: 'name',
  value: 'name',
};

/**
 * The choices sheet has aliases of its own. Every other column there is choice data a choice_filter
 * reads by its bare name, so a column called `count`, `calculate` or `relevance` keeps its name (the
 * survey's aliases applied there renamed it and the filter never matched).
 */
const CHOICES_ALIASES: Record<string, string> = {
  caption: 'label',
  value: 'name',
  'media::image': 'image',
  'media::audio': 'audio',
  'media::video': 'video',
  'media::big-image': 'big-image',
};

const SHEET_ALIASES: Record<SheetKind, Record<string, string>> = {
  survey: SURVEY_ALIASES,
  choices: CHOICES_ALIASES,
  settings: {},
};

const normalize = (s: string, aliases: Record<string, string>): string => {
  const b = s.trim().toLowerCase().replace(/\s+/g, '_');
  return aliases[b] ?? b;
};

/** `label::English (en)` → label + `English (en)`; `label:English` → label + English; else null. */
function splitHeader(h: string, aliases: Record<string, string>): { base: string; spec: string } | null {
  // media::image::English (en), the older spelling of image::English (en).
  const m = /^\s*(media::)?([^:]+?)\s*::(.*)$/.exec(h);
  if (m) {
    const base = normalize(m[2]!, aliases);
    if (!TRANSLATABLE.has(base)) return null;
    return { base, spec: m[3]! };
  }
  const single = /^\s*([^:]+?)\s*:(?!:)(.*)$/.exec(h);
  if (single && TRANSLATABLE.has(normalize(single[1]!, aliases)))
    return { base: normalize(single[1]!, aliases), spec: single[2]! };
  return null;
}

/** The cell of a row under the first column with this base name (unlocalised). */
export function cell(row: readonly string[], cols: readonly Column[], base: string): string {
  const c = cols.find((x) => x.base === base && x.lang === null) ?? cols.find((x) => x.base === base);
  return c ? (row[c.index] ?? '') : '';
}

/**
 * Localised text of a row: { lang: text } for every `base` and `base::lang` column with text. An
 * unlocalised column's text goes to `plainLang`; where a column names that same language, the named
 * column's text wins (both are kept apart by the importer's warning, never silently merged).
 */
export function localized(
  row: readonly string[],
  cols: readonly Column[],
  base: string,
  plainLang: string,
): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const pass of [true, false])
    for (const c of cols) {
      if (c.base !== base || (c.lang === null) !== pass) continue;
      const v = row[c.index] ?? '';
      if (v === '') continue;
      out ??= {};
      out[c.lang ?? plainLang] = v;
    }
  return out;
}

/** A plain column and a named one in the same language: say which one is read where both are filled. */
export function noticeSameLanguage(
  sheet: string,
  cols: readonly Column[],
  plainLang: string,
  problems: Problems,
): void {
  for (const plain of cols) {
    if (plain.lang !== null || !TRANSLATABLE.has(plain.base)) continue;
    const named = cols.find((c) => c.base === plain.base && c.lang === plainLang);
    if (named)
      problems.warning(
        sheet,
        1,
        `Columns ${plain.header} and ${named.header} are the same language (${plainLang}); where both are filled, ${named.header} is used`,
        plain.header,
      );
  }
}
