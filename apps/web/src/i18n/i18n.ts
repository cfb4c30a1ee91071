import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadErrorMessages } from '@tern/api';

/**
 * The UI's languages. Every UI string lives in `locales/<lang>/<namespace>.json`, one namespace per
 * feature (common, cases, conflicts, …) so features add their words without touching each other's
 * files. A missing key falls back to English; a test checks every language has every English key.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'ar', name: 'العربية' },
  { code: 'ru', name: 'Русский' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'tern.lang';
const modules = import.meta.glob<Record<string, unknown>>(
  [
    './locales/*/*.json',
    '!./locales/*/research.json',
    '!./locales/*/demography.json',
    '!./locales/*/admin.json',
  ],
  { eager: true, import: 'default' },
);
/**
 * Namespaces of screens few users open, fetched with the screen (loadLazyNamespaces): the research
 * dashboard's and the projection workspace's words stay out of the interviewer's first download, like its code.
 */
const lazyModules = import.meta.glob<Record<string, unknown>>(
  ['./locales/*/research.json', './locales/*/demography.json', './locales/*/admin.json'],
  { import: 'default' },
);
const pathParts = (path: string) => /\.\/locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);

export const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, json] of Object.entries(modules)) {
  const m = pathParts(path);
  if (!m) continue;
  (resources[m[1]!] ??= {})[m[2]!] = json;
}
export const NAMESPACES = Object.keys(resources.en ?? {});

export const dirOf = (lang: string): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

function storedLanguage(): Language {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES.find((l) => l.code === v)?.code ?? 'en') as Language;
}

/** Apply the language to the whole document: `lang` for screen readers and fonts, `dir` for layout. */
function applyToDocument(lang: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
}

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
applyToDocument(i18next.language);
// Error messages (@tern/api's catalogue) come one language at a time; English is always there.
void loadErrorMessages(i18next.language);

/** Fetch the lazy namespaces (every language, so a language switch needs no network) and add them. */
export async function loadLazyNamespaces(): Promise<void> {
  await Promise.all(
    Object.entries(lazyModules).map(async ([path, load]) => {
      const m = pathParts(path);
      if (!m) return;
      const json = await load();
      (resources[m[1]!] ??= {})[m[2]!] = json;
      i18next.addResourceBundle(m[1]!, m[2]!, json, true, true);
    }),
  );
}

/** Change the UI language and remember the choice on this device. */
export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  // The page turns at once (direction, labels); the error messages' chunk may arrive a moment later
  // (until then an error reads in English, never blank).
  const messages = loadErrorMessages(lang);
  await i18next.changeLanguage(lang);
  applyToDocument(lang);
  await messages;
}

/** Dates and numbers in the UI language's conventions. */
export const formatDate = (
  iso: string,
  opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
) => new Intl.DateTimeFormat(i18next.language, opts).format(new Date(iso));
export const formatNumber = (n: number) => new Intl.NumberFormat(i18next.language).format(n);

/** A size in bytes, in SI units (kB = 1,000 bytes, as browsers report quota), e.g. "1.2 MB". */
export function formatBytes(n: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  return new Intl.NumberFormat(i18next.language, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(v);
}

/** A duration for "time left": seconds under a minute, then minutes, then hours (rounded up). */
export function formatDuration(seconds: number): string {
  const [v, unit] =
    seconds < 60
      ? [Math.max(1, Math.ceil(seconds)), 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 360) / 10, 'hour'];
  return new Intl.NumberFormat(i18next.language, { style: 'unit', unit, unitDisplay: 'long' }).format(v);
}

export { i18next };
