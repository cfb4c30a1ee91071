import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from './db.ts';
import type { TernDb } from './db.ts';
import { deviceId } from './device-id.ts';

let db: TernDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = openDb(`device-id-${n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('deviceId', () => {
  it('gives one id to callers that ask at the same time on first start (regression: two ids, one registered)', async () => {
    const ids = await Promise.all([deviceId(db), deviceId(db), deviceId(db)]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^dev-[0-9A-Z]{26}$/);
  });

  it('keeps the id across reopening the database', async () => {
    const first = await deviceId(db);
    db.close();
    db = openDb(db.name);
    expect(await deviceId(db)).toBe(first);
  });
});
