import type { TFunction } from 'i18next';

/** An HTTP refusal from Tern's API, with the error catalogue's code (docs/errors.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A request with the session cookie; a refusal becomes an ApiError. */
export async function apiFetch(url: string): Promise<Response> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code ?? 'TERN_HTTP', body.message ?? res.statusText);
  }
  return res;
}

/** A failed officer request in plain words, in the UI language. */
export function plainApiError(e: unknown, t: TFunction<'officer'>): string {
  if (e instanceof ApiError) {
    if (e.status === 401) return t('error.session');
    if (e.status === 403) return t('error.forbidden');
    if (e.status === 404) return t('error.notFound');
    if (e.status >= 500) return t('error.server', { status: e.status });
    return t('error.refused', { status: e.status, code: e.code });
  }
  if (e instanceof TypeError || !navigator.onLine) return t('error.network');
  return t('error.other', { message: (e as Error).message });
}

/** The file name a download response proposes (Content-Disposition), or a fallback. */
export function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(cd)?.[1] ?? fallback;
}
