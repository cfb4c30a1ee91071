/**
 * The browser: no English fallback list (issue 16, decision 207). Every browser the app supports has
 * `Intl.DisplayNames` with region names in all five UI languages, so the 2.5 KiB (gzip) list of
 * English names would never be read there; without it an unnamed code shows as the code itself.
 * Node (server, exports, tools) keeps the list: `country-names-en.ts`, chosen by package.json `imports`.
 */
export const COUNTRY_NAMES_EN: Readonly<Record<string, string>> = {};
