import type { SyncRemote, SyncRequest, SyncResponse } from '@tern/sync';

/** A sync failure the UI can explain in plain words. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

async function gzip(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

/** The compact sync door over fetch. Request bodies over 1 KiB are gzipped; responses come gzipped. */
export function httpRemote(baseUrl: string, mission: string): SyncRemote {
  return {
    async exchange(request: SyncRequest): Promise<SyncResponse> {
      const json = JSON.stringify(request);
      const compress = json.length > 1024 && typeof CompressionStream !== 'undefined';
      const res = await fetch(`${baseUrl}/api/sync/${encodeURIComponent(mission)}`, {
        method: 'POST',
        // The HttpOnly session cookie rides along; page scripts never hold the token.
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(compress ? { 'content-encoding': 'gzip' } : {}) },
        body: compress ? await gzip(json) : json,
      });
      if (!res.ok) {
        const err = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new SyncHttpError(res.status, err.code ?? 'HTTP_' + res.status, err.message ?? res.statusText);
      }
      return (await res.json()) as SyncResponse;
    },
  };
}
