import { SyncHttpError } from '@tern/sync';
import type { TFunction } from 'i18next';

/**
 * A failed sync in words a field worker can act on, in the UI language. Every message says that
 * nothing was lost: a failed sync never removes anything from the device (each batch is committed
 * as it arrives, and unsent records stay pending).
 */
export function plainSyncError(e: unknown, t: TFunction<'sync'>): string {
  if (e instanceof SyncHttpError) {
    if (e.status === 401) return t('error.session');
    if (e.status === 403) return t('error.forbidden');
    if (e.status === 413) return t('error.tooLarge');
    if (e.status === 429) return t('error.busy');
    if (e.status >= 500) return t('error.server', { status: e.status });
    return t('error.refused', { status: e.status, code: e.code });
  }
  if (e instanceof TypeError || !navigator.onLine) return t('error.network');
  return t('error.other', { message: (e as Error).message });
}
