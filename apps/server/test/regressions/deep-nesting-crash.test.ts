import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRevision } from '@tern/sync';
import { submission, validAnswers } from '../fixtures.ts';
import {
  bulkDocs,
  deepJson,
  expectAlive,
  hostileApp,
  pushRaw,
  syncBody,
  withRawField,
} from './hostile-member.ts';
import type { Hostile } from './hostile-member.ts';

/**
 * Issue 11, item 1: "JSON nested about 4,200 levels deep makes the store's JSON encoding overflow the
 * stack; the error escapes and the process exits." On the old main each request below reached the
 * store (the compact door skipped the rev check for a one-id history; tombstone bodies were not
 * validated at all). Now admission measures depth first, without recursion, and refuses that one
 * document with a reason; the rest of the batch is stored and the server keeps answering.
 */
let h: Hostile;
beforeAll(async () => {
  h = await hostileApp();
});
afterAll(() => h.t.close());

describe('deeply nested documents (issue 11, item 1)', () => {
  it('compact door: a one-id history plus a 6,000-level field is refused alone; the good record is stored', async () => {
    const good = submission('demo', validAnswers('Amina'));
    const body = {
      type: 'submission',
      mission: 'demo',
      form: 'quick-screening@1',
      answers: validAnswers('X'),
    };
    const forged = {
      _id: submission('demo', {})._id,
      _rev: '7-aaaa',
      _revisions: { start: 7, ids: ['aaaa'] },
      ...body,
    };
    const r = await pushRaw(
      h,
      h.interviewer,
      syncBody([JSON.stringify(good), withRawField(forged, 'deep', deepJson(6000))]),
    );
    expect(r.status).toBeLessThan(500);
    if (r.status === 200) {
      expect(r.results[0]).toMatchObject({ ok: true });
      expect(r.results[1]).toMatchObject({
        ok: false,
        code: 'TERN_DOC_TOO_LARGE',
        field: expect.stringMatching(/^deep/),
      });
      expect(await h.t.store.mission('demo').get(good._id)).toBeDefined();
    } else {
      // A transport guard in front may refuse the whole request as malformed: then nothing is stored.
      expect(r.status).toBe(400);
    }
    expect(await h.t.store.mission('demo').get(forged._id)).toBeUndefined();
    await expectAlive(h);
  });

  it('compact door: a field 40 levels deep gets a per-document reason naming where', async () => {
    const doc = submission('demo', validAnswers('Bilal'));
    const r = await pushRaw(h, h.interviewer, syncBody([withRawField(doc, 'extra', deepJson(40))]));
    expect(r.status).toBe(200);
    expect(r.results[0]).toMatchObject({ ok: false, code: 'TERN_DOC_TOO_LARGE' });
    expect((r.results[0] as { reason: string }).reason).toMatch(/deeper than 32 levels/);
  });

  it('CouchDB door, new_edits:false: a valid record with a deep extra field, and a deep tombstone', async () => {
    const doc = submission('demo', validAnswers('Chen'));
    const tomb = nextRevision({ rev: doc._rev, revisions: doc._revisions }, {}, { deleted: true });
    const tombstone = { _id: doc._id, _rev: tomb.rev, _revisions: tomb.revisions, _deleted: true };
    const body = `{"new_edits":false,"docs":[${withRawField(doc, 'deep', deepJson(6000))},${withRawField(
      tombstone as never,
      'deep',
      deepJson(6000),
    )}]}`;
    const r = await bulkDocs(h, h.officer, body);
    expect(r.status).toBeLessThan(500);
    if (r.status === 201) {
      const results = r.json as Array<{ error: string; reason: string }>;
      expect(results).toHaveLength(2);
      for (const x of results) {
        expect(x.error).toBe('forbidden');
        expect(x.reason).toMatch(/TERN_DOC_TOO_LARGE/);
      }
    } else expect(r.status).toBe(400);
    expect(await h.t.store.mission('demo').get(doc._id)).toBeUndefined();
    await expectAlive(h);
  });

  it('CouchDB door, default mode: a deep edit is refused before the server hashes it', async () => {
    const doc = submission('demo', validAnswers('Dana'));
    const { _rev: _r, _revisions: _h, ...fresh } = doc;
    const r = await bulkDocs(
      h,
      h.officer,
      `{"docs":[${withRawField(fresh as never, 'deep', deepJson(6000))}]}`,
    );
    expect(r.status).toBeLessThan(500);
    if (r.status === 201)
      expect((r.json as Array<{ reason: string }>)[0]!.reason).toMatch(/TERN_DOC_TOO_LARGE/);
    expect(await h.t.store.mission('demo').get(doc._id)).toBeUndefined();
    await expectAlive(h);
  });
});
