/**
 * talisman 1.1.4 ships CommonJS without type declarations; the two functions Tern uses are typed here,
 * once, so every project that compiles this package (its own, tests, the server) sees the same types.
 */
// @ts-expect-error -- no declaration file in talisman 1.1.4 (TS7016)
import doubleMetaphoneUntyped from 'talisman/phonetics/double-metaphone.js';
// @ts-expect-error -- no declaration file in talisman 1.1.4 (TS7016)
import jaroWinklerUntyped from 'talisman/metrics/jaro-winkler.js';

/** [primary, alternate] Double Metaphone codes (Philips 2000). */
export const doubleMetaphone: (word: string) => [string, string] = doubleMetaphoneUntyped;
/** Jaro–Winkler similarity in [0, 1] (Winkler 1990), prefix scale 0.1, boost threshold 0.7. */
export const jaroWinkler: (a: string, b: string) => number = jaroWinklerUntyped;
