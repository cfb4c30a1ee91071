import { errorMessage } from '@tern/api';
import { isProfileError } from '@tern/profiles';
import type { TFunction } from 'i18next';
import { RecordChangedError } from '../device/record-changed-error.ts';
import { i18next } from '../i18n/i18n.ts';

/**
 * A refused edit in the UI language: the catalogue's words for its code, then the core's precise
 * English reason (which step, which path) and the code for support. Nothing was stored.
 */
export function problemText(e: unknown, t: TFunction<'profiles'>, lang: string = i18next.language): string {
  if (isProfileError(e))
    return t('problem', {
      reason: (errorMessage(e.code, lang) ?? e.message).replace(/\.$/, ''),
      detail: e.message,
      code: e.code,
    });
  if (e instanceof RecordChangedError) return t('changedMeanwhile');
  return t('problemOther', { message: (e as Error).message });
}
