import type { TFunction } from 'i18next';
import type { ApiError } from '@tern/api';
import { plainError } from '../i18n/plain-error.ts';

/**
 * A failed research request in plain words: the catalogue's message (an unknown dimension, too many,
 * an ungranted mission say what and why), with this screen's words for a session to renew, a refusal
 * and a lost network.
 */
export function plainResearchError(e: unknown, t: TFunction<'research'>): string {
  return plainError(e, (err: ApiError) => {
    if (err.code === 'TERN_AUTH_REQUIRED' || err.code === 'TERN_AUTH_EXPIRED') return t('error.session');
    if (err.code === 'TERN_AUTH_FORBIDDEN') return t('error.forbidden');
    if (err.code === 'TERN_NETWORK') return t('error.network');
    // A server older than the research API answers 404 for its routes.
    if (err.status === 404) return t('error.notYet');
    return undefined;
  });
}
