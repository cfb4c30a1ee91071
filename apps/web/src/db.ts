import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { Body, Revisions } from '@tern/sync';

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

/** One document on the device: its current revision, history and sync state. */
export interface DocRow {
  id: string;
  mission: string;
  type: string;
  rev: string;
  revisions: Revisions;
  deleted: boolean;
  body: Body;
  syncState: SyncState;
  rejection?: Rejection;
  updatedAt: string;
}

export interface MetaRow {
  key: string;
  value: string;
}

export type TernDb = Dexie & {
  docs: EntityTable<DocRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export function openDb(name = 'tern'): TernDb {
  const db = new Dexie(name) as TernDb;
  db.version(1).stores({
    docs: 'id, [mission+syncState], [mission+updatedAt], type',
    meta: 'key',
  });
  return db;
}
