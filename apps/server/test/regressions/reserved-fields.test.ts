import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submission, validAnswers } from '../fixtures.ts';
import { bulkDocs, expectAlive, hostileApp, pushRaw, syncBody } from './hostile-member.ts';
import type { Hostile } from './hostile-member.ts';

/**
 * Issue 11, item 2: "The compact door admits `_` fields the CouchDB door refuses. A valid
 * `_attachments` (3 MiB was stored) is accepted, after which every PouchDB replicator pulling the
 * mission fails; `_foo`, `_purged` or a malformed `_attachments` give a 500 for the whole batch and the
 * good documents in it are not stored." On the old main the first case stored the attachment and the
 * others answered 500. Now one rule for both doors refuses each such document alone.
 */
let h: Hostile;
beforeAll(async () => {
  h = await hostileApp();
});
afterAll(() => h.t.close());

const attachment = {
  'photo.txt': { content_type: 'text/plain', data: Buffer.from('hello').toString('base64') },
};
const cases: Array<[string, unknown]> = [
  ['_attachments', attachment],
  ['_attachments', 'not an object'],
  ['_foo', 1],
  ['_purged', true],
  ['_conflicts', ['1-abc']],
];

describe('reserved `_` fields (issue 11, item 2)', () => {
  for (const [field, value] of cases) {
    it(`compact door: ${field}=${JSON.stringify(value).slice(0, 20)} is refused alone; the good record is stored`, async () => {
      const good = submission('demo', validAnswers('Amina'));
      const bad = { ...submission('demo', validAnswers('Bilal')), [field]: value };
      const r = await pushRaw(h, h.interviewer, syncBody([JSON.stringify(bad), JSON.stringify(good)]));
      expect(r.status).toBe(200);
      expect(r.results[0]).toMatchObject({ ok: false, code: 'TERN_DOC_RESERVED_FIELD', field });
      expect(r.results[1]).toMatchObject({ ok: true });
      expect(await h.t.store.mission('demo').get(bad._id)).toBeUndefined();
      expect(await h.t.store.mission('demo').get(good._id)).toBeDefined();
    });
  }

  it('two copies of one revision in a batch, one with a reserved field, each get their own answer', async () => {
    // Found by the hostile suite (seed 901929692): results were keyed by id and rev, so the refused
    // copy's answer replaced the stored copy's and the device was told nothing was stored.
    const clean = submission('demo', validAnswers('Eva'));
    const marked = { ...clean, _conflicts: ['1-abc'] };
    const r = await pushRaw(h, h.interviewer, syncBody([JSON.stringify(clean), JSON.stringify(marked)]));
    expect(r.status).toBe(200);
    expect(r.results.map((x) => x.ok)).toEqual([true, false]);
    expect(r.results[1]).toMatchObject({ code: 'TERN_DOC_RESERVED_FIELD', field: '_conflicts' });
    expect((await h.t.store.mission('demo').get(clean._id))?._rev).toBe(clean._rev);
  });

  // `_attachments` carries files at the CouchDB door (decision 168): a file no answer names is refused
  // alone, as a reserved field is.
  const couchCases: Array<[string, string, Record<string, unknown>, RegExp]> = [
    ['the same rule, as a per-document forbidden', 'Dana', { _purged: true }, /TERN_DOC_RESERVED_FIELD/],
    [
      '`_attachments` with a file no answer names is refused alone',
      'Gita',
      { _attachments: attachment },
      /TERN_ATTACHMENT_NOT_REFERENCED/,
    ],
  ];
  for (const [title, name, extra, code] of couchCases) {
    it(`CouchDB door: ${title}`, async () => {
      const good = submission('demo', validAnswers(`${name} (good)`));
      const bad = { ...submission('demo', validAnswers(name)), ...extra };
      const r = await bulkDocs(h, h.officer, JSON.stringify({ new_edits: false, docs: [bad, good] }));
      expect(r.status).toBe(201);
      expect(r.json).toEqual([
        expect.objectContaining({ id: bad._id, error: 'forbidden', reason: expect.stringMatching(code) }),
      ]);
      expect(await h.t.store.mission('demo').get(bad._id)).toBeUndefined();
      expect(await h.t.store.mission('demo').get(good._id)).toBeDefined();
      await expectAlive(h);
    });
  }
});
