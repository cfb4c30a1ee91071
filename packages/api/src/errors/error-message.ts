import type { CatalogueKey } from './catalogue.ts';
import { en } from './messages/en.ts';
import type { Messages } from './messages/messages.ts';

/**
 * The UI languages the web app ships (apps/web/src/i18n). English is bundled; the others are loaded
 * on demand (`loadErrorMessages`), so the first screen does not carry every language's messages —
 * each is a small chunk the service worker precaches, so offline devices have them too.
 */
export const MESSAGE_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

const loaded = new Map<string, Messages>([['en', en]]);

const baseOf = (lang: string): MessageLanguage | null => {
  const base = lang.toLowerCase().split('-')[0] ?? '';
  return (MESSAGE_LANGUAGES as readonly string[]).includes(base) ? (base as MessageLanguage) : null;
};

async function importMessages(lang: MessageLanguage): Promise<Messages> {
  // One literal import per language, so bundlers make one chunk each.
  switch (lang) {
    case 'fr':
      return (await import('./messages/fr.ts')).fr;
    case 'es':
      return (await import('./messages/es.ts')).es;
    case 'ar':
      return (await import('./messages/ar.ts')).ar;
    case 'ru':
      return (await import('./messages/ru.ts')).ru;
    default:
      return en;
  }
}

/** Make `errorMessage` answer in `lang` (a BCP 47 tag); an unknown language stays English. */
export async function loadErrorMessages(lang: string): Promise<void> {
  const base = baseOf(lang);
  if (base && !loaded.has(base)) loaded.set(base, await importMessages(base));
}

/** The catalogue entry a code belongs to (`HTTP_404` → the `HTTP_<status>` family), or null. */
function keyOf(code: string): CatalogueKey | null {
  if (Object.hasOwn(en, code)) return code as CatalogueKey;
  return /^HTTP_\d{3}$/.test(code) ? 'HTTP_<status>' : null;
}

/**
 * A code in plain words, in `lang` (`fr-CA` reads French) once that language is loaded, English until
 * then and for a language Tern does not ship. An unknown code gets null: the caller shows the server's
 * own message with the code, so a refusal always says what and why.
 */
export function errorMessage(code: string, lang: string): string | null {
  const key = keyOf(code);
  if (!key) return null;
  const messages = loaded.get(baseOf(lang) ?? 'en') ?? en;
  return messages[key].replace('{status}', code.slice('HTTP_'.length));
}
