import { AR } from './ar.ts';
import { ES } from './es.ts';
import { RU } from './ru.ts';

/**
 * Node (server, tools, tests): the built-in forms carry every language from the start. The browser
 * gets `languages-lazy.ts` instead (package.json `imports`, `browser` condition): each language's
 * dictionary travels in that language's chunk of the app and is added by `addFormLanguage`.
 */
export const INITIAL_LANGUAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ar: AR,
  es: ES,
  ru: RU,
};
