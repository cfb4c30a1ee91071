import { nextRevision } from '@tern/sync';
import type { Body } from '@tern/sync';
import type { DocRow, TernDb } from './db.ts';

/**
 * Make a local edit: a new revision of `id` on top of the device's current one, pending push.
 * One transaction, so two quick saves never fork the document on the device.
 */
export async function saveDoc(
  db: TernDb,
  args: { mission: string; id: string; body: Body; deleted?: boolean },
): Promise<DocRow> {
  return db.transaction('rw', db.docs, async () => {
    const existing = await db.docs.get(args.id);
    const { rev, revisions } = nextRevision(
      existing ? { rev: existing.rev, revisions: existing.revisions } : null,
      args.body,
      {
        deleted: args.deleted ?? false,
      },
    );
    const row: DocRow = {
      id: args.id,
      mission: args.mission,
      type: args.id.split(':')[0] ?? 'unknown',
      rev,
      revisions,
      deleted: args.deleted ?? false,
      body: args.body,
      syncState: 'pending',
      updatedAt: new Date().toISOString(),
    };
    await db.docs.put(row);
    return row;
  });
}
