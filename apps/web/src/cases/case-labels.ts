import { CASE_FORM_TITLES, localize } from '@tern/forms';
import { deviceForms } from '../forms-admin/device-forms.ts';
import type { FormEntry } from './case-index.ts';

/**
 * A form's title in the UI language (a case form's before it is loaded, decision 207), or its key when
 * the device does not know the form.
 */
export function formTitle(key: string, lang: string): string {
  const f = deviceForms.get(key);
  if (f) return localize(f.title, lang, f.defaultLanguage);
  const title = CASE_FORM_TITLES[key];
  return title ? localize(title, lang, 'en') : key;
}

/** The sync state to show for a record: a conflict under review outranks the row's own state. */
export function shownState(f: Pick<FormEntry, 'syncState' | 'conflict'>): string {
  return f.conflict ? 'conflict' : f.syncState;
}
