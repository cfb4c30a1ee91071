import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySyncStorage, fetchRemote, nextRevision, syncOnce } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { submission, validAnswers } from '../fixtures.ts';
import { bulkDocs, hostileApp, push, pushRaw, syncBody } from './hostile-member.ts';
import type { Hostile } from './hostile-member.ts';

/**
 * Issue 12, item 1: a deletion pushed through either door was skipped when a device pulled through the
 * compact door (the store's winner read answered not-found for a deleted document), and the device's
 * checkpoint moved past it: devices kept deleted records for ever. Now the tombstone is pulled like
 * any other change, with its history and its reason.
 */
let h: Hostile;
let url: string;
beforeAll(async () => {
  h = await hostileApp();
  await h.t.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(h.t.app.server.address() as { port: number }).port}/api/sync/demo`;
});
afterAll(async () => h.t.close());

const at = '2026-12-02T09:00:00.000Z';
const reason = { mission: 'demo', deletion: { by: 'data_officer', at, reason: 'Entered twice' } };

/** Pull through the compact door as the interviewer's device, from a checkpoint. */
async function pull(since: string | null): Promise<{ changes: WireDoc[]; checkpoint: string }> {
  const r = await pushRaw(h, h.interviewer, syncBody([], since));
  expect(r.status).toBe(200);
  return r.json as unknown as { changes: WireDoc[]; checkpoint: string };
}

describe('a deleted record reaches the devices that hold it', () => {
  it('compact door: the officer deletes, the interviewer pulls the tombstone', async () => {
    const doc = submission('demo', validAnswers('Ines'));
    await push(h, h.interviewer, [doc]);
    const before = await pull(null);
    expect(before.changes.map((d) => d._id)).toContain(doc._id);

    const t = nextRevision({ rev: doc._rev, revisions: doc._revisions }, reason, { deleted: true });
    const [ok] = await push(h, h.officer, [
      { _id: doc._id, _rev: t.rev, _revisions: t.revisions, _deleted: true, ...reason },
    ]);
    expect(ok).toMatchObject({ ok: true });

    const after = await pull(before.checkpoint);
    const tomb = after.changes.find((d) => d._id === doc._id);
    expect(tomb).toMatchObject({ _rev: t.rev, _deleted: true, deletion: reason.deletion });
    expect(tomb?._revisions).toEqual(t.revisions);
    expect(after.checkpoint).not.toBe(before.checkpoint);
  });

  it('CouchDB door: a deletion made there is pulled through the compact door too', async () => {
    const doc = submission('demo', validAnswers('Jonas'));
    await push(h, h.interviewer, [doc]);
    const before = await pull(null);
    const r = await bulkDocs(
      h,
      h.officer,
      JSON.stringify({ docs: [{ _id: doc._id, _rev: doc._rev, _deleted: true, ...reason }] }),
    );
    expect(r.status).toBe(201);
    const [written] = r.json as Array<{ ok?: boolean; rev?: string }>;
    expect(written).toMatchObject({ ok: true });

    const after = await pull(before.checkpoint);
    expect(after.changes.find((d) => d._id === doc._id)).toMatchObject({
      _rev: written!.rev,
      _deleted: true,
    });
  });

  it("the project's own client removes the record on the other device", async () => {
    const id = submission('demo', validAnswers('Kofi'))._id;
    const body = {
      type: 'submission',
      mission: 'demo',
      form: 'quick-screening@1',
      answers: validAnswers('Kofi'),
      createdAt: at,
      device: 'dev-a',
    };
    const a = new MemorySyncStorage();
    const b = new MemorySyncStorage();
    const as = (token: string) => fetchRemote(url, { headers: () => ({ authorization: `Bearer ${token}` }) });
    await a.save(id, body);
    await syncOnce(a, as(h.interviewer), { device: 'dev-a' });
    await syncOnce(b, as(h.officer), { device: 'dev-b' });
    expect((await b.read(id))?.deleted).toBe(false);

    await b.save(id, reason, { deleted: true });
    const pushed = await syncOnce(b, as(h.officer), { device: 'dev-b' });
    expect(pushed.rejected).toBe(0);
    await syncOnce(a, as(h.interviewer), { device: 'dev-a' });
    expect(await a.read(id)).toMatchObject({ deleted: true, state: 'synced', body: reason });
  });

  it('an edit made offline before the deletion arrived wins, and the record comes back everywhere', async () => {
    const id = submission('demo', validAnswers('Lina'))._id;
    const body = (age: number) => ({
      type: 'submission',
      mission: 'demo',
      form: 'quick-screening@1',
      answers: { ...validAnswers('Lina'), age },
      createdAt: at,
      device: 'dev-c',
    });
    const c = new MemorySyncStorage();
    const d = new MemorySyncStorage();
    const as = (token: string) => fetchRemote(url, { headers: () => ({ authorization: `Bearer ${token}` }) });
    await c.save(id, body(30));
    await syncOnce(c, as(h.interviewer), { device: 'dev-c' });
    await syncOnce(d, as(h.officer), { device: 'dev-d' });
    await d.save(id, reason, { deleted: true });
    await syncOnce(d, as(h.officer), { device: 'dev-d' });
    // The interviewer corrected the age offline, not knowing of the deletion.
    await c.save(id, body(31));
    const pushed = await syncOnce(c, as(h.interviewer), { device: 'dev-c' });
    expect(pushed.rejected).toBe(0);
    expect(await c.read(id)).toMatchObject({ deleted: false, body: { answers: { age: 31 } } });
    const winner = await h.t.store.mission('demo').get(id);
    expect(winner).toMatchObject({ answers: { age: 31 } });
    await syncOnce(d, as(h.officer), { device: 'dev-d' });
    expect(await d.read(id)).toMatchObject({ deleted: false, body: { answers: { age: 31 } } });
  });
});
