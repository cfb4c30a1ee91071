import { RE2JS } from 're2js';
import type { RegexEngine } from './regex-engine.ts';

/**
 * The regular-expression engine where code size does not matter (the server, Node tools, tests):
 * loaded with the package. The browser build takes ./regex-engine-lazy.ts instead (package.json
 * `imports`, condition `browser`).
 */
export const regexEngine = (): RegexEngine => RE2JS;
export const loadRegexEngine = async (): Promise<void> => undefined;
