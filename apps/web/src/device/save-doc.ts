import { nextRevision } from '@tern/sync';
import type { Body } from '@tern/sync';
import type { DocRow, SyncState, TernDb } from './db.ts';
import { seal } from '../crypto/sealed.ts';

/**
 * Make a local edit: a new revision of `id` on top of the device's current one, sealed under the
 * mission's data key. Sealing is async WebCrypto, so it runs before the transaction; the transaction
 * checks nothing changed the record meanwhile (compare-and-put) so two quick saves never fork it.
 */
export async function saveDoc(
  db: TernDb,
  key: CryptoKey,
  args: {
    mission: string;
    id: string;
    body: Body;
    deleted?: boolean;
    state?: SyncState;
    /** The revision the edit was made on: refuse if the record moved on meanwhile (a sync pulled another). */
    expectRev?: string;
  },
): Promise<DocRow> {
  const existing = await db.docs.get(args.id);
  if (args.expectRev !== undefined && existing?.rev !== args.expectRev) throw new RecordChangedError(args.id);
  // A draft has no revision of its own: the record it becomes starts its history at revision 1.
  const parent = existing && existing.syncState !== 'draft' ? existing : undefined;
  const { rev, revisions } = nextRevision(
    parent ? { rev: parent.rev, revisions: parent.revisions } : null,
    args.body,
    { deleted: args.deleted ?? false },
  );
  const now = new Date().toISOString();
  const row: DocRow = {
    id: args.id,
    mission: args.mission,
    type: args.id.split(':')[0] ?? 'unknown',
    rev,
    revisions,
    deleted: args.deleted ?? false,
    sealed: await seal(key, args.id, rev, args.body),
    syncState: args.state ?? 'pending',
    // A record under review stays so after a local edit, until a pull says headquarters resolved it.
    ...(existing?.review ? { review: existing.review } : {}),
    createdAt: existing?.createdAt ?? (typeof args.body.createdAt === 'string' ? args.body.createdAt : now),
    updatedAt: now,
  };
  await db.transaction('rw', db.docs, async () => {
    const current = await db.docs.get(args.id);
    if ((current?.rev ?? null) !== (existing?.rev ?? null)) throw new RecordChangedError(args.id);
    await db.docs.put(row);
  });
  return row;
}

/** The record changed on the device (a sync, another tab) while it was being edited or saved. */
export class RecordChangedError extends Error {
  constructor(readonly id: string) {
    super(`Record ${id} changed while it was being edited; open it again`);
    this.name = 'RecordChangedError';
  }
}
