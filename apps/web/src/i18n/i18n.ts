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
/**
 * English is in the first download (every other language falls back to it); each other language is
 * one chunk per language, fetched when it is chosen (precached by the service worker, so offline too).
 * The interviewer's first download carries one language's words, not five (issue 16).
 */
const english = import.meta.glob<Record<string, unknown>>(
  [
    './locales/en/*.json',
    '!./locales/en/research.json',
    '!./locales/en/demography.json',
    '!./locales/en/admin.json',
    '!./locales/en/profiles.json',
  ],
  { eager: true, import: 'default' },
);
const otherLanguages: Record<string, () => Promise<{ default: Record<string, Record<string, unknown>> }>> = {
  fr: () => import('./languages/fr.ts'),
  es: () => import('./languages/es.ts'),
  ar: () => import('./languages/ar.ts'),
  ru: () => import('./languages/ru.ts'),
};
/**
 * Namespaces of screens few users open, fetched with the screen (loadLazyNamespaces): the research
 * dashboard's and the projection workspace's words stay out of the interviewer's first download, like its code.
 */
const lazyModules = import.meta.glob<Record<string, unknown>>(
  [
    './locales/*/research.json',
    './locales/*/demography.json',
    './locales/*/admin.json',
    './locales/*/profiles.json',
  ],
  { import: 'default' },
);
const pathParts = (path: string) => /\.\/locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);

/** The words loaded so far, by language and namespace (English always; others once chosen). */
export const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, json] of Object.entries(english)) {
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

const loaded = new Map<string, Promise<void>>([['en', Promise.resolve()]]);
/** Fetch a language's words (once) and give them to i18next. */
export function loadLanguage(lang: string): Promise<void> {
  let p = loaded.get(lang);
  if (!p) {
    const load = otherLanguages[lang];
    p = load
      ? load().then(({ default: bundles }) => {
          for (const [ns, json] of Object.entries(bundles)) {
            (resources[lang] ??= {})[ns] = json;
            i18next.addResourceBundle(lang, ns, json, true, true);
          }
        })
      : Promise.resolve();
    // A failed fetch (offline before the service worker cached the chunk) may be tried again later.
    p.catch(() => loaded.delete(lang));
    loaded.set(lang, p);
  }
  return p;
}

const first = storedLanguage();
void i18next.use(initReactI18next).init({
  resources,
  lng: first,
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
applyToDocument(first);
// Error messages (@tern/api's catalogue) come one language at a time; English is always there.
void loadErrorMessages(first);
/**
 * Resolves when the remembered language's words are there (main.tsx waits for it before the first
 * render, so a French user never sees English flash by). If the chunk cannot be fetched the app
 * starts in English rather than not at all.
 */
// A form language chosen apart from the UI's (an interview in the person's language) comes too: the
// built-in forms' texts of a language travel in its chunk (decision 190).
const formLanguage = typeof localStorage === 'undefined' ? null : localStorage.getItem('tern.formLang');
export const i18nReady: Promise<void> = Promise.all([
  loadLanguage(first),
  formLanguage && formLanguage !== first ? loadLanguage(formLanguage) : undefined,
]).then(
  () => undefined,
  () => undefined,
);

/**
 * Make sure the built-in forms carry a language's texts before a form is shown in it: they come with
 * that language's chunk. Never fails (offline without the chunk: the labels fall back to English).
 */
export function loadFormTexts(lang: string): Promise<void> {
  return loadLanguage(lang).catch(() => undefined);
}

/**
 * Fetch the lazy namespaces, and every language's words, and add them: the research dashboard and
 * the projection workspace switch language without the network, and tests see every language.
 */
export async function loadLazyNamespaces(): Promise<void> {
  await Promise.all([
    ...Object.keys(otherLanguages).map(loadLanguage),
    ...Object.entries(lazyModules).map(async ([path, load]) => {
      const m = pathParts(path);
      if (!m) return;
      const json = await load();
      (resources[m[1]!] ??= {})[m[2]!] = json;
      i18next.addResourceBundle(m[1]!, m[2]!, json, true, true);
    }),
  ]);
}

/** Change the UI language and remember the choice on this device. */
export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  // The page turns at once (direction, labels); the error messages' chunk may arrive a moment later
  // (until then an error reads in English, never blank).
  const messages = loadErrorMessages(lang);
  // Direction and `lang` at once; the words follow as soon as the language's chunk is there.
  applyToDocument(lang);
  await loadLanguage(lang).catch(() => undefined);
  await i18next.changeLanguage(lang);
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
