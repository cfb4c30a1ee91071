import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

/**
 * The app is written against React's API and types; its builds run it on Preact's compatibility layer
 * (preact/compat): about 5 KiB gzip where react-dom is about 58, so the interviewer's first download
 * fits its budget (issue 16, decision 190). Used by the app's build and the form benchmark's, so the
 * benchmark measures what ships. vitest does not use it (no unit test renders components; every e2e
 * test runs the built app).
 */
const preact = (path: string) => fileURLToPath(import.meta.resolve(`preact/${path}`));

export const preactAlias: Alias[] = [
  { find: /^react-dom\/client$/, replacement: preact('compat/client') },
  { find: /^react-dom$/, replacement: preact('compat') },
  { find: /^react\/jsx-runtime$/, replacement: preact('jsx-runtime') },
  { find: /^react\/jsx-dev-runtime$/, replacement: preact('jsx-dev-runtime') },
  { find: /^react$/, replacement: preact('compat') },
];
