import { ulid } from 'ulidx';
import { nextRevision } from '@tern/sync';
import type { DocRow, TernDb } from './db.ts';

export interface SubmissionBody extends Record<string, unknown> {
  type: 'submission';
  mission: string;
  form: string;
  answers: Record<string, unknown>;
  createdAt: string;
  device: string;
}

/**
 * Save a submission as a new revision. Ids are ULIDs made on the device, so a record created offline
 * never collides with another device's and a retried push never duplicates.
 */
export async function saveSubmission(
  db: TernDb,
  args: { mission: string; form: string; answers: Record<string, unknown>; device: string; id?: string },
): Promise<DocRow> {
  return db.transaction('rw', db.docs, async () => {
    const existing = args.id ? await db.docs.get(args.id) : undefined;
    const body: SubmissionBody = {
      type: 'submission',
      mission: args.mission,
      form: args.form,
      answers: args.answers,
      createdAt: (existing?.body.createdAt as string | undefined) ?? new Date().toISOString(),
      device: args.device,
    };
    const { rev, revisions } = nextRevision(
      existing ? { rev: existing.rev, revisions: existing.revisions } : null,
      body,
    );
    const row: DocRow = {
      id: existing?.id ?? `sub:${ulid()}`,
      mission: args.mission,
      type: 'sub',
      rev,
      revisions,
      deleted: false,
      body,
      syncState: 'pending',
      updatedAt: new Date().toISOString(),
    };
    await db.docs.put(row);
    return row;
  });
}

export async function listRecords(db: TernDb, mission: string): Promise<DocRow[]> {
  const rows = await db.docs
    .where('[mission+updatedAt]')
    .between([mission, ''], [mission, '\uffff'])
    .reverse()
    .toArray();
  return rows.filter((r) => !r.deleted);
}

/** A stable id for this browser profile, stored with the data it describes. */
export async function deviceId(db: TernDb): Promise<string> {
  const got = await db.meta.get('device');
  if (got) return got.value;
  const id = `dev-${ulid()}`;
  await db.meta.put({ key: 'device', value: id });
  return id;
}
