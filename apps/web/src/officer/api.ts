import type { TFunction } from 'i18next';
import type { ApiError } from '@tern/api';
import { plainError } from '../i18n/plain-error.ts';

/**
 * A failed officer request in plain words, in the UI language: the catalogue's message (@tern/api),
 * with this view's own words where it knows more (a session to renew by locking, a view that needs
 * the network).
 */
export function plainOfficerError(e: unknown, t: TFunction<'officer'>): string {
  return plainError(e, (err: ApiError) => {
    if (err.code === 'TERN_AUTH_REQUIRED' || err.code === 'TERN_AUTH_EXPIRED') return t('error.session');
    if (err.code === 'TERN_AUTH_FORBIDDEN') return t('error.forbidden');
    if (err.code === 'TERN_MISSION_NOT_FOUND' || err.code === 'TERN_NOT_FOUND') return t('error.notFound');
    if (err.code === 'TERN_NETWORK') return t('error.network');
    if (!err.code) return t('error.other', { message: err.message });
    return undefined;
  });
}

/** The file name a download response proposes (Content-Disposition), or a fallback. */
export function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(cd)?.[1] ?? fallback;
}
