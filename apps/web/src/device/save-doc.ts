import { nextRevision } from '@tern/sync';
import type { Body } from '@tern/sync';
import type { DocRow, SyncState, TernDb } from './db.ts';
import { docsOf } from './doc-repository.ts';
import { RecordChangedError } from './record-changed-error.ts';

/**
 * Make a local edit: a new revision of `id` on top of the device's current one, sealed under the
 * mission's data key, then stored only if the record is still at the revision the edit was made on
 * (the repository's compare-and-put), so two quick saves never fork it.
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
  const docs = docsOf(db);
  const existing = await docs.get(args.id);
  if (args.expectRev !== undefined && existing?.rev !== args.expectRev) throw new RecordChangedError(args.id);
  // A draft has no revision of its own: the record it becomes starts its history at revision 1.
  const parent = existing && existing.syncState !== 'draft' ? existing : undefined;
  const { rev, revisions } = nextRevision(
    parent ? { rev: parent.rev, revisions: parent.revisions } : null,
    args.body,
    { deleted: args.deleted ?? false },
  );
  const now = new Date().toISOString();
  const row = await docs.seal(
    key,
    {
      id: args.id,
      mission: args.mission,
      type: args.id.split(':')[0] ?? 'unknown',
      rev,
      revisions,
      deleted: args.deleted ?? false,
      syncState: args.state ?? 'pending',
      // A record under review stays so after a local edit, until a pull says headquarters resolved it.
      ...(existing?.review ? { review: existing.review } : {}),
      createdAt: existing?.createdAt ?? (typeof args.body.createdAt === 'string' ? args.body.createdAt : now),
      updatedAt: now,
    },
    args.body,
  );
  await docs.put(row, existing?.rev ?? null);
  return row;
}
