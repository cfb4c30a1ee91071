import type { RegexEngine } from './regex-engine.ts';

/**
 * The regular-expression engine in the browser: about 40 KB of JavaScript (gzip) that only forms
 * using `regex()` need, so it is fetched when such a form is loaded (apps/web's device-forms), not
 * with the app (issue 16: the interview route's size). Until then `regexEngine()` is null and
 * compiling a `regex()` says so.
 */
let engine: RegexEngine | null = null;
let loading: Promise<void> | null = null;

export const regexEngine = (): RegexEngine | null => engine;
export function loadRegexEngine(): Promise<void> {
  loading ??= import('re2js').then(
    (m) => {
      engine = m.RE2JS;
    },
    (err: unknown) => {
      loading = null; // offline before the chunk was cached: may be tried again
      throw err;
    },
  );
  return loading;
}
