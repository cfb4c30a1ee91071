// talisman 1.1.4 ships CommonJS without type declarations; these are the two functions Tern uses.
declare module 'talisman/phonetics/double-metaphone.js' {
  /** [primary, alternate] Double Metaphone codes (Philips 2000). */
  export default function doubleMetaphone(word: string): [string, string];
}
declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro–Winkler similarity in [0, 1] (Winkler 1990), prefix scale 0.1, boost threshold 0.7. */
  export default function jaroWinkler(a: string, b: string): number;
}
