import { ulid } from 'ulidx';
import type { TernDb } from './db.ts';

/** A stable id for this browser profile, stored with the data it describes. */
export async function deviceId(db: TernDb): Promise<string> {
  // Get-or-create in one transaction: screens ask for it at the same time on first start, and two
  // ids for one device would register one and sync as the other.
  return db.transaction('rw', db.meta, async () => {
    const got = await db.meta.get('device');
    if (got) return got.value;
    const id = `dev-${ulid()}`;
    await db.meta.add({ key: 'device', value: id });
    return id;
  });
}
