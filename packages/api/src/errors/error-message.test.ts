import { describe, expect, it } from 'vitest';
import { ERROR_CODES, HTTP_FAMILY } from './catalogue.ts';
import type { CatalogueKey } from './catalogue.ts';
import { MESSAGE_LANGUAGES, errorMessage, loadErrorMessages } from './error-message.ts';
import { MESSAGES } from './messages/all.ts';

const KEYS: CatalogueKey[] = [...ERROR_CODES, HTTP_FAMILY];

describe('plain-words messages', () => {
  it('ships the five UI languages of the web app', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru']);
    expect([...MESSAGE_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru']);
  });

  it.each(Object.keys(MESSAGES))('%s has a non-empty message for every code', (lang) => {
    const messages = MESSAGES[lang as keyof typeof MESSAGES];
    expect(KEYS.filter((k) => !(messages[k]?.trim().length > 0))).toEqual([]);
    expect(Object.keys(messages).sort()).toEqual([...KEYS].sort());
  });

  it.each(['fr', 'es', 'ar', 'ru'] as const)('%s is translated, not English copied', (lang) => {
    expect(KEYS.filter((k) => MESSAGES[lang][k] === MESSAGES.en[k])).toEqual([]);
  });

  it('keeps the {status} placeholder of the HTTP_<status> family in every language', () => {
    const missing = Object.entries(MESSAGES).filter(([, m]) => !m[HTTP_FAMILY].includes('{status}'));
    expect(missing.map(([lang]) => lang)).toEqual([]);
  });

  it('reads English until a language is loaded, then that language; a regional tag by its language', async () => {
    expect(errorMessage('TERN_NETWORK', 'ru')).toBe(MESSAGES.en.TERN_NETWORK);
    for (const lang of MESSAGE_LANGUAGES) await loadErrorMessages(lang);
    expect(errorMessage('TERN_NETWORK', 'ru')).toBe(MESSAGES.ru.TERN_NETWORK);
    expect(errorMessage('TERN_NETWORK', 'fr')).toBe(MESSAGES.fr.TERN_NETWORK);
    expect(errorMessage('TERN_NETWORK', 'es-419')).toBe(MESSAGES.es.TERN_NETWORK);
    expect(errorMessage('TERN_NETWORK', 'sw')).toBe(MESSAGES.en.TERN_NETWORK);
  });

  it('puts the status into an HTTP_<status> message and gives null for a code it does not know', () => {
    expect(errorMessage('HTTP_502', 'en')).toContain('(502)');
    expect(errorMessage('HTTP_502', 'en')).not.toContain('{status}');
    expect(errorMessage('TERN_' + 'NO_SUCH_THING', 'en')).toBeNull();
    expect(errorMessage('HTTP_5022', 'en')).toBeNull();
  });
});
