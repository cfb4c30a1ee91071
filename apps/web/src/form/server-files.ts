import { ApiError, apiResponse } from '@tern/api';

/** A media answer's file as the server holds it: the bytes, not uploaded yet, or not reachable now. */
export type ServerFile =
  | { state: 'ok'; blob: Blob }
  | { state: 'missing' }
  /** At a mission relay: a record there names it, headquarters' copy has not come yet (decision 230). */
  | { state: 'coming' }
  | { state: 'failed'; message: string };

export interface ServerFiles {
  read(digest: string, mediaType: string): Promise<ServerFile>;
}

/**
 * Files of a mission's media answers read from the server (`GET …/attachments/:digest`, audited
 * `attachment.read`), for data officers and admins, whose devices hold only the files they took
 * (decision 125). The bytes stay in memory as a Blob for as long as the record is open: nothing is
 * written to IndexedDB or the Cache API, and the server answers `no-store`, so the HTTP cache keeps
 * no copy either (decision 141).
 */
export function serverFiles(mission: string, doFetch?: typeof fetch): ServerFiles {
  return {
    async read(digest, mediaType) {
      const url = `/api/missions/${encodeURIComponent(mission)}/attachments/${encodeURIComponent(digest)}`;
      try {
        const res = await apiResponse(url, {
          headers: { 'cache-control': 'no-store' },
          ...(doFetch ? { fetch: doFetch } : {}),
        });
        // The server sends non-media types as octet-stream; the answer says what the file is.
        return { state: 'ok', blob: new Blob([await res.arrayBuffer()], { type: mediaType }) };
      } catch (e) {
        if (e instanceof ApiError && e.code === 'TERN_ATTACHMENT_NOT_AT_RELAY') return { state: 'coming' };
        if (e instanceof ApiError && e.status === 404) return { state: 'missing' };
        return { state: 'failed', message: (e as Error).message };
      }
    },
  };
}
