import type { ReactNode } from 'react';
import { firstStrongDirection } from '@tern/forms';

/**
 * A label, legend or choice text, isolated in its own direction where that differs from the form's:
 * an English text left in an Arabic form (a missing translation, a name filled in) keeps its question
 * mark at its end ("How …?", not "?How …"), and the required star stays at the end of the line in the
 * form's direction. A text that starts in the form's own direction reads the same with or without the
 * isolation, so it stays a bare text: a large form then has no element per label and per choice
 * (1,760 fewer on the 1,550-input form of `npm run bench:forms`), which every keystroke's frame pays
 * for (decision 231).
 */
export function bidiText(text: string, formDir: 'rtl' | 'ltr'): ReactNode {
  return firstStrongDirection(text) === formDir ? text : <bdi>{text}</bdi>;
}
