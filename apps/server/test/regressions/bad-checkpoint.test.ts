import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submission, validAnswers } from '../fixtures.ts';
import { hostileApp, push, pushRaw, syncBody } from './hostile-member.ts';
import type { Hostile } from './hostile-member.ts';

/**
 * Issue 11, item 6: "the compact door echoes a malformed `since` (`"abc"`, `"NaN"`, `'{"a":1}'`) back
 * as the checkpoint, so a device silently stops pulling". On the old main each of these answered 200
 * with the bad value as the checkpoint. Now: 400 TERN_BAD_CHECKPOINT, and the client starts again
 * from null (packages/sync/src/replicator.test.ts).
 */
let h: Hostile;
beforeAll(async () => {
  h = await hostileApp();
  await push(h, h.interviewer, [submission('demo', validAnswers('Amina'))]);
});
afterAll(() => h.t.close());

describe('checkpoints the server never gave (issue 11, item 6)', () => {
  for (const since of ['abc', 'NaN', '{"a":1}', '-1', '1e3', '99999999', '']) {
    it(`since ${JSON.stringify(since)} → 400 TERN_BAD_CHECKPOINT`, async () => {
      const r = await pushRaw(h, h.interviewer, syncBody([], since));
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 'TERN_BAD_CHECKPOINT' });
      expect(String(r.json.message)).toMatch(/since: null/);
    });
  }

  it('a plain sequence, as handed out before checkpoints carried the epoch → 400, saying why', async () => {
    const r = await pushRaw(h, h.interviewer, syncBody([], '1'));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 'TERN_BAD_CHECKPOINT' });
    expect(String(r.json.message)).toMatch(/has no database epoch.*since: null/);
  });

  it("a checkpoint of another epoch (a restored database) → 400, saying why; this one's is accepted", async () => {
    const first = await pushRaw(h, h.interviewer, syncBody([], null));
    const [epoch, seq] = String(first.json.checkpoint).split('@');
    expect(epoch).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const other = await pushRaw(h, h.interviewer, syncBody([], `AAAAAAAAAAAAAAAA@${seq}`));
    expect(other.status).toBe(400);
    expect(String(other.json.message)).toMatch(/another copy of this mission database \(it was restored/);
    const beyond = await pushRaw(h, h.interviewer, syncBody([], `${epoch}@99999999`));
    expect(String(beyond.json.message)).toMatch(/beyond what this server holds/);
  });

  it("a CouchDB cluster's opaque sequence with this database's epoch → 400, saying why (the embedded store counts with numbers)", async () => {
    const first = await pushRaw(h, h.interviewer, syncBody([], null));
    const [epoch] = String(first.json.checkpoint).split('@');
    const r = await pushRaw(
      h,
      h.interviewer,
      syncBody([], `${epoch}@12-g1AAAAFteJzLYWBgYMpgTmHgzcvPy09JdcjLz8g`),
    );
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 'TERN_BAD_CHECKPOINT' });
    expect(String(r.json.message)).toMatch(/CouchDB cluster's update sequence.*numbers.*since: null/);
  });

  it('a checkpoint the server gave is accepted', async () => {
    const first = await pushRaw(h, h.interviewer, syncBody([], null));
    expect(first.status).toBe(200);
    const again = await pushRaw(h, h.interviewer, syncBody([], String(first.json.checkpoint)));
    expect(again.status).toBe(200);
  });
});
