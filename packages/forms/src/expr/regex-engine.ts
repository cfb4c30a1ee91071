/**
 * What `regex()` needs of RE2 (re2js): compile a pattern, find it in a text. Matching takes time
 * linear in the text whatever the pattern. Which module provides it depends on where the package runs
 * (package.json `imports` → `#regex-engine`): eagerly in Node, on demand in the browser.
 */
export interface RegexEngine {
  compile(pattern: string): { matcher(input: string): { find(): boolean } };
}

import { loadRegexEngine } from '#regex-engine';

/** True when a form's definition (any expression in it) calls `regex()`. */
export function usesRegex(definition: unknown): boolean {
  return /\bregex\s*\(/.test(JSON.stringify(definition));
}

/**
 * What a definition needs before it can be checked or compiled: the `regex()` engine when it calls
 * `regex()` (fetched on demand in the browser, already there in Node). Call it before
 * `parseFormDefinition`/`compileForm` on a form that came from the network or the device's store.
 */
export async function readyToCompile(definition: unknown): Promise<void> {
  if (usesRegex(definition)) await loadRegexEngine();
}
