import { catalogueKey } from './catalogue.ts';
import { ar } from './messages/ar.ts';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';
import type { Messages } from './messages/messages.ts';
import { ru } from './messages/ru.ts';

/** The UI languages the web app ships (apps/web/src/i18n); each has a message for every code. */
export const MESSAGES = { en, fr, es, ar, ru } as const satisfies Record<string, Messages>;
export type MessageLanguage = keyof typeof MESSAGES;

/**
 * A code in plain words, in `lang` (a BCP 47 tag: `fr-CA` reads French; an unknown language reads
 * English). An unknown code gets null: the caller shows the server's own message with the code, so a
 * refusal always says what and why.
 */
export function errorMessage(code: string, lang: string): string | null {
  const key = catalogueKey(code);
  if (!key) return null;
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  const messages: Messages = Object.hasOwn(MESSAGES, base) ? MESSAGES[base as MessageLanguage] : en;
  return messages[key].replace('{status}', code.slice('HTTP_'.length));
}
