/**
 * The browser: no dictionary in the first download (issue 16, decision 190). The web app's chunk of
 * each language imports `@tern/forms/builtin-languages/<lang>` and calls `addFormLanguage`, which
 * fills that language into the built-in forms before the UI turns to it.
 */
export const INITIAL_LANGUAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {};
