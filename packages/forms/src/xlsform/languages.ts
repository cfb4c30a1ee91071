/**
 * Language names in XLSForm headers (`label::Tigrinya`, `label::ትግርኛ (ti)`, `label:English`) to the
 * codes Tern keys texts by. The code in parentheses wins (the ODK convention). Otherwise a name is
 * looked up among the English names and the native names (autonyms) of the ISO 639-1 languages, as
 * the platform's Intl.DisplayNames knows them, plus names seen in humanitarian forms that differ from
 * ICU's. A name found nowhere is kept as written: its texts stay under that name, never dropped.
 */
const EXTRA: Record<string, string> = {
  tetun: 'tet',
  tetum: 'tet',
  dari: 'prs',
  farsi: 'fa',
  sorani: 'ckb',
  'kurdish sorani': 'ckb',
  kurmanji: 'kmr',
  'kurdish kurmanji': 'kmr',
  'central kurdish': 'ckb',
  mandarin: 'zh',
  cantonese: 'yue',
  'haitian creole': 'ht',
  creole: 'ht',
  kiswahili: 'sw',
  'afaan oromoo': 'om',
  'afan oromo': 'om',
  oromiffa: 'om',
  bangla: 'bn',
  bengali: 'bn',
  'bahasa indonesia': 'id',
  'bahasa melayu': 'ms',
  filipino: 'fil',
  burmese: 'my',
  myanmar: 'my',
  rohingya: 'rhg',
  hausa: 'ha',
  fulfulde: 'ff',
  fula: 'ff',
  kanuri: 'kr',
  lingala: 'ln',
  sango: 'sg',
  juba: 'pga',
  'juba arabic': 'pga',
  nuer: 'nus',
  dinka: 'din',
  tigre: 'tig',
};

let names: Map<string, string> | null = null;

function nameTable(): Map<string, string> {
  if (names) return names;
  names = new Map(Object.entries(EXTRA));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let english: Intl.DisplayNames | null = null;
  try {
    english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  } catch {
    return names;
  }
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      const en = english.of(code);
      if (!en) continue;
      if (!names.has(en.toLowerCase())) names.set(en.toLowerCase(), code);
      try {
        const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
        if (own && !names.has(own.toLowerCase())) names.set(own.toLowerCase(), code);
      } catch {
        // No locale data for this language: its English name is enough.
      }
    }
  return names;
}

export interface LanguageOfColumn {
  /** The key texts are stored under: an ISO 639 code, or the name as written when none is known. */
  code: string;
  /** True when the key is the name as written (no code found): worth a warning. */
  unknown: boolean;
}

/** `English (en)` → en; `Tigrinya` → ti; `ትግርኛ` → ti; `fr` → fr; `Tetun` → tet; `Klingon` → Klingon (unknown). */
export function languageOf(spec: string): LanguageOfColumn | null {
  const s = spec.trim();
  if (s === '') return null;
  const paren = /\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*\)\s*$/.exec(s);
  if (paren) return { code: paren[1]!.replace(/_/g, '-').toLowerCase(), unknown: false };
  const lower = s.toLowerCase();
  const found = nameTable().get(lower);
  if (found) return { code: found, unknown: false };
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(lower)) return { code: lower, unknown: false };
  return { code: s, unknown: true };
}
