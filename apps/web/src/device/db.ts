import Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { Revisions } from '@tern/sync';
import type { Sealed } from '../crypto/sealed.ts';
import type { WrappedKey } from '../crypto/key-wrap.ts';

/**
 * Where a record stands with respect to the server.
 * draft: being filled, never pushed · pending: saved, waiting to be pushed · synced: the server holds
 * this revision · rejected: the server refused this revision (reason kept) · conflict: the server holds
 * another branch too.
 */
export type SyncState = 'draft' | 'pending' | 'synced' | 'rejected' | 'conflict';

export interface Rejection {
  code: string;
  reason: string;
  field?: string;
}

/**
 * One document on the device. Only what listing and syncing need is in clear (docs/security.md):
 * ids, revisions, mission, type, sync state, the code and field of a server rejection, and dates.
 * The body — answers, names, free text — is `sealed` under the mission's data key, and so is a
 * rejection's reason (a validator's message may quote an answer: "1990-02-30 is not a calendar date").
 */
export interface DocRow {
  id: string;
  mission: string;
  type: string;
  rev: string;
  revisions: Revisions;
  deleted: boolean;
  sealed: Sealed;
  syncState: SyncState;
  rejection?: SealedRejection;
  /**
   * Set while headquarters holds another branch of this record that an admin must reconcile: the
   * pulled winner carried `_conflicts` (the other live leaves) and `_disputed` (the clashing field
   * paths, e.g. `answers.age`). Paths and revision ids are not personal data; the values stay sealed.
   * Cleared by a later pull of the record without them (docs/protocol.md).
   */
  review?: Review;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  /** The other live leaves on the server. */
  leaves: string[];
  /** Field paths in dispute; may be empty while the server still holds more than one leaf. */
  disputed: string[];
}

export interface SealedRejection {
  code: string;
  field?: string;
  reason: Sealed;
}

export interface MetaRow {
  key: string;
  value: string;
}

/**
 * What a device remembers of an account after one online login, so that the account can log in
 * offline: role and missions (to show the right screens), and each mission's data key wrapped under a
 * key derived from the password with `salt` and `iterations`. No password, no password hash.
 */
export interface KeyringRow {
  username: string;
  role: string;
  missions: string[];
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  keys: Record<string, WrappedKey>;
  /** Migration Profile device keys per granted country, wrapped like `keys` (decision 186). */
  profileKeys?: Record<string, WrappedKey>;
  updatedAt: string;
}

/**
 * The bytes of a media answer (a photo, a recording, a file), keyed by their sha-256 (decision 125).
 * In clear: the digest, mission, media type, size and the upload progress; the bytes are sealed under
 * the mission's data key like every body. The file name stays in the record's (sealed) answer only.
 */
export interface AttachmentRow {
  digest: string;
  mission: string;
  mediaType: string;
  size: number;
  sealed: Sealed;
  /** Bytes the server is known to hold (0 until an upload starts); `size` once uploaded. */
  uploaded: number;
  /**
   * True once a server answered `atHeadquarters: true` for it (decision 229): a mission relay says so
   * only after headquarters acknowledged the file. Absent until then, and on rows from before.
   */
  atHeadquarters?: boolean;
  createdAt: string;
}

export type TernDb = Dexie & {
  docs: EntityTable<DocRow, 'id'>;
  /** Keyed by [mission, digest]: the same file attached in two missions is two rows, each under its mission's key. */
  attachments: Table<AttachmentRow, [string, string]>;
  meta: EntityTable<MetaRow, 'key'>;
  keyring: EntityTable<KeyringRow, 'username'>;
};

export function openDb(name = 'tern'): TernDb {
  const db = new Dexie(name) as TernDb;
  db.version(1).stores({
    docs: 'id, [mission+syncState], [mission+updatedAt], type',
    meta: 'key',
  });
  // Version 2 encrypts bodies. Version 1 (the walking skeleton) kept them in clear and was never
  // deployed; its rows cannot be encrypted here (no key during an upgrade), so they are removed.
  db.version(2)
    .stores({
      docs: 'id, [mission+syncState], [mission+updatedAt], type',
      meta: 'key',
      keyring: 'username',
    })
    .upgrade((tx) => tx.table('docs').clear());
  // Version 3 adds the attachments of media answers; documents, keys and checkpoints are kept as they are.
  db.version(3).stores({
    docs: 'id, [mission+syncState], [mission+updatedAt], type',
    meta: 'key',
    keyring: 'username',
    attachments: '[mission+digest], mission',
  });
  return db;
}
