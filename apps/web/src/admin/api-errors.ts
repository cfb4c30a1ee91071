import type { TFunction } from 'i18next';
import { ApiError } from './conflicts-api.ts';

/** A server refusal in plain words; the stable code stays visible for support. */
export function plainApiError(t: TFunction<'conflicts'>, e: unknown): string {
  if (!(e instanceof ApiError)) return t('errors.other', { code: 'TERN_INTERNAL', message: String(e) });
  switch (e.code) {
    case 'TERN_CONFLICT_CHANGED':
      return t('errors.changed');
    case 'TERN_NOT_FOUND':
      return t('errors.notFound');
    case 'TERN_AUTH_FORBIDDEN':
      return t('errors.forbidden');
    case 'TERN_AUTH_REQUIRED':
    case 'TERN_AUTH_EXPIRED':
      return t('errors.auth');
    case 'TERN_RESPONSE_INVALID':
      return t('errors.invalid', { message: e.message });
    case 'TERN_NETWORK':
      return t('errors.network');
    default:
      return t('errors.other', { code: e.code, message: e.message });
  }
}
