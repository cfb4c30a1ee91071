/**
 * The document shapes that cross the wire and sit in every store.
 * CouchDB document model: https://docs.couchdb.org/en/stable/api/document/common.html
 */

/** `_revisions` as CouchDB returns it with `?revs=true`: newest id first, `start` is the newest generation. */
export interface Revisions {
  start: number;
  ids: string[];
}

/** A document body: any JSON object whose keys do not start with `_` (reserved by CouchDB). */
export type Body = Record<string, unknown>;

/** A document with its revision and history, as pushed and pulled by both sync doors. */
export interface WireDoc {
  _id: string;
  _rev: string;
  _revisions: Revisions;
  _deleted?: boolean;
  [field: string]: unknown;
}

/** Per-document outcome of a push. A rejection always carries a stable code and a readable reason. */
export type PushResult =
  | { id: string; rev: string; ok: true }
  | { id: string; rev: string; ok: false; code: string; reason: string; field?: string };

/** One compact-sync round trip: push these revisions, and pull what changed since `since`. */
export interface SyncRequest {
  protocol: 1;
  device: string;
  docs: WireDoc[];
  since: string | null;
  pullLimit: number;
  /** Records the device will still hold unsynced after this batch (shown to the data officer). */
  waiting?: number;
}

export interface SyncResponse {
  results: PushResult[];
  changes: WireDoc[];
  /** Cases that left the caller's view: drop them and their records once nothing of them is pending. */
  gone?: string[];
  /** Opaque server checkpoint after `changes`; send it back as `since`. */
  checkpoint: string;
  /** True when more changes wait beyond `checkpoint`. */
  more: boolean;
}
