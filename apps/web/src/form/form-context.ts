import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { DeviceAttachments } from '../device/attachments.ts';
import type { AnswerStore } from './answer-store.ts';
import type { ServerFiles } from './server-files.ts';

export interface FormContextValue {
  store: AnswerStore;
  lang: string;
  /** The form's direction in `lang`: where a text starts in another direction it is isolated (bidi.tsx). */
  dir: 'rtl' | 'ltr';
  /** The form's default language, for texts missing in `lang`. */
  fallback: string;
  /**
   * The app's words for the form (Add, Remove, Choose…), in the app's language: looked up once for
   * the whole form rather than by each of its 1,000 fields (each lookup hook is a subscription).
   */
  t: TFunction<'form'>;
  /** Where media answers keep their files (sealed on the device); absent where files cannot be taken. */
  attachments?: DeviceAttachments | undefined;
  /** Files this device did not take, read from the server; only for those who may read them. */
  serverFiles?: ServerFiles | undefined;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const c = useContext(FormContext);
  if (!c) throw new Error('A form field is rendered outside <FormContext>');
  return c;
}

/**
 * A DOM id for a field key (`rep#01H…/r_int` → `q-rep-01H…-r_int`); top-level questions keep `q-name`.
 * Other characters of XML names (dots, accented letters) are spelt by code point, `q1.2` →
 * `q-q1_u2e_2`, so `q1.2` and `q1-2` (both common in ODK forms) never share an id and a label never
 * points at another question's input.
 */
export function domId(key: string): string {
  return (
    'q-' +
    key.replace(/[^A-Za-z0-9_-]/gu, (c) =>
      c === '#' || c === '/' ? '-' : `_u${c.codePointAt(0)!.toString(16)}_`,
    )
  );
}
