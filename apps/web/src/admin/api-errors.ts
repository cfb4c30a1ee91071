import type { TFunction } from 'i18next';
import { plainError } from '../i18n/plain-error.ts';

/**
 * A failure on the conflict screen in plain words: the catalogue's message (@tern/api), with this
 * screen's own words where it knows more than the code says.
 */
export function plainApiError(t: TFunction<'conflicts'>, e: unknown): string {
  return plainError(e, (err) => {
    switch (err.code) {
      case 'TERN_NOT_FOUND':
        return t('errors.notFound');
      case 'TERN_AUTH_FORBIDDEN':
        return t('errors.forbidden');
      case 'TERN_RESPONSE_INVALID':
        return t('errors.invalid', { message: err.message });
      case '':
        return t('errors.other', { code: 'TERN_INTERNAL', message: err.message });
      default:
        return undefined;
    }
  });
}
