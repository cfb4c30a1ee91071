/**
 * What the server holds of one file a record names (decision 125): bytes received so far, the size
 * announced by the first chunk, and whether the whole file arrived and matched its sha-256.
 */
export interface AttachmentStatus {
  digest: string;
  /** Bytes held, from offset 0 without gaps: where the next chunk starts. */
  received: number;
  /** Size announced by the first chunk; null before any byte arrived. */
  size: number | null;
  mediaType: string | null;
  /** True once every byte arrived and their sha-256 is the digest. */
  complete: boolean;
}

export interface StoredFile {
  digest: string;
  mediaType: string;
  size: number;
  bytes: Uint8Array;
}

/**
 * A mission's files, named by their sha-256 in lowercase hex, uploaded in chunks that resume where the
 * server's bytes end. Chunks are appended in order only: a chunk that does not start at `received`
 * is refused (TERN_STORE_CONFLICT, nothing stored), so overlapping or out-of-order chunks never mix.
 * When the last byte arrives the sha-256 is checked; a mismatch removes every byte of that upload
 * (TERN_STORE_INVALID) and the upload starts again from 0. A file once complete is never changed.
 */
export interface AttachmentStore {
  status(digest: string): Promise<AttachmentStatus>;
  /**
   * Store `bytes` at `offset` of a file of `size` bytes and type `mediaType`. The first chunk fixes
   * size and type; a later chunk announcing another size or type is refused (TERN_STORE_INVALID).
   */
  append(
    digest: string,
    offset: number,
    size: number,
    mediaType: string,
    bytes: Uint8Array,
  ): Promise<AttachmentStatus>;
  /** The whole file once complete; undefined before. */
  read(digest: string): Promise<StoredFile | undefined>;
}
