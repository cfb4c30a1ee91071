import { afterEach, describe, expect, it } from 'vitest';
import { TernStore } from './tern-store.ts';

let store: TernStore;
afterEach(async () => {
  await store.close();
});

describe('DocStore (system, ops, forms)', () => {
  it('create() never overwrites, which keeps the audit log append-only', async () => {
    store = new TernStore({ kind: 'memory', prefix: `sys-${Date.now()}` });
    const sys = store.system();
    await sys.create({ _id: 'audit:2026-01-01T00:00:00.000Z:a', n: 1 });
    await expect(sys.create({ _id: 'audit:2026-01-01T00:00:00.000Z:a', n: 2 })).rejects.toMatchObject({
      code: 'TERN_STORE_CONFLICT',
    });
    expect((await sys.get('audit:2026-01-01T00:00:00.000Z:a'))?.n).toBe(1);
    await expect(sys.create({ _id: 'x', _rev: '1-a' })).rejects.toThrow(/without _rev/);
  });

  it('lists one kind in id order, newest first when asked, paging after a cursor', async () => {
    store = new TernStore({ kind: 'memory', prefix: `sys-list-${Date.now()}` });
    const sys = store.system();
    for (const i of [3, 1, 2, 5, 4]) await sys.create({ _id: `audit:${i}` });
    await sys.create({ _id: 'user:zed' });
    await sys.create({ _id: 'audis' });
    const ids = async (o: Parameters<typeof sys.list>[1]) => (await sys.list('audit:', o)).map((d) => d._id);
    expect(await ids({})).toEqual(['audit:1', 'audit:2', 'audit:3', 'audit:4', 'audit:5']);
    expect(await ids({ descending: true, limit: 2 })).toEqual(['audit:5', 'audit:4']);
    expect(await ids({ descending: true, limit: 2, cursor: 'audit:4' })).toEqual(['audit:3', 'audit:2']);
    expect(await ids({ limit: 2, cursor: 'audit:2' })).toEqual(['audit:3', 'audit:4']);
  });

  it('keeps the system database apart from mission databases on disk', async () => {
    store = new TernStore({ kind: 'memory', prefix: `sys-apart-${Date.now()}` });
    await store.system().create({ _id: 'user:a' });
    expect(await store.mission('system').docCount()).toBe(0);
  });
});
