import { errorMessage } from '@tern/api';
import { SyncHttpError } from '@tern/sync';
import type { TFunction } from 'i18next';
import { i18next } from '../i18n/i18n.ts';

/**
 * A failed sync in words a field worker can act on, in the UI language. Every message says that
 * nothing was lost: a failed sync never removes anything from the device (each batch is committed
 * as it arrives, and unsent records stay pending). A refusal this screen has no words of its own for
 * is told with the catalogue's message for its code (@tern/api), the code kept for support.
 */
export function plainSyncError(e: unknown, t: TFunction<'sync'>, lang: string = i18next.language): string {
  if (e instanceof SyncHttpError) {
    if (e.status === 401) return t('error.session');
    // A retired device: the catalogue's words say to sign in on a registered device.
    if (e.code === 'TERN_DEVICE_RETIRED')
      return t('error.refused', {
        reason: (errorMessage(e.code, lang) ?? e.message).replace(/\.$/, ''),
        code: e.code,
      });
    if (e.status === 403) return t('error.forbidden');
    if (e.status === 413) return t('error.tooLarge');
    if (e.status === 429) return t('error.busy');
    if (e.status >= 500) return t('error.server', { status: e.status });
    const reason = (errorMessage(e.code, lang) ?? e.message).replace(/\.$/, '');
    return t('error.refused', { reason, code: e.code });
  }
  if (e instanceof TypeError || !navigator.onLine) return t('error.network');
  return t('error.other', { message: (e as Error).message });
}
