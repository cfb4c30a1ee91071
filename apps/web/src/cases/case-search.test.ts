import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { TernDb } from '../device/db.ts';
import { saveSubmission } from '../records/submissions.ts';
import { caseIndex, dropCaseIndexes, fold, matchRank } from './case-index.ts';
import { createCase, moveCase } from './case-store.ts';
import { registerDevice } from './device-number.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
const DEVICE = 'dev-01J00000000000000000000001';
beforeEach(async () => {
  n += 1;
  db = openDb(`case-search-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const f = (async () => new Response(JSON.stringify({ number: 3 }))) as unknown as typeof fetch;
  await registerDevice(db, 'demo', DEVICE, f);
});
afterEach(async () => {
  dropCaseIndexes();
  await db.delete();
});

const rank = (hay: string, q: string) => matchRank(fold(hay), fold(q), fold(q).split(' ').filter(Boolean));

describe('matchRank: how well a case matches what was typed', () => {
  it('ranks a code prefix first, then word starts, then letters inside a word; -1 when a word is missing', () => {
    expect(rank('DEMO-03-0001-K Mali Traoré', 'demo-03')).toBe(0);
    expect(rank('DEMO-03-0001-K Mali Traoré', 'mal')).toBe(1);
    expect(rank('DEMO-03-0002-K Kamala Osei', 'mal')).toBe(2);
    expect(rank('DEMO-03-0002-K Kamala Osei', 'osei kam')).toBe(1);
    // One word at a word start and one only inside: the weaker match decides.
    expect(rank('DEMO-03-0002-K Kamala Osei', 'osei ama')).toBe(2);
    // The first hit inside a word does not hide a later word start.
    expect(rank('DEMO-03-0003-K Amalia Malik', 'mal')).toBe(1);
    expect(rank('DEMO-03-0002-K Kamala Osei', 'zainab')).toBe(-1);
    expect(rank('DEMO-03-0002-K Kamala Osei', 'osei zainab')).toBe(-1);
    expect(rank('anything', '')).toBe(0);
  });
});

describe('case list order: ranked, then by the last change a person made', () => {
  async function newCase(name: string) {
    const made = await createCase(db, key, {
      mission: 'demo',
      device: DEVICE,
      user: 'interviewer',
      pii: { fullName: name },
    });
    return made;
  }

  it('"mal" lists Mali and Malik before Kamala; within a rank the most recently changed case comes first', async () => {
    const index = caseIndex(db, key, 'demo');
    await index.ready();
    for (const name of ['Kamala Osei', 'Mali Traoré', 'Amalia Malik']) {
      const c = await newCase(name);
      index.put(c.row, c.open.body);
      await new Promise((r) => setTimeout(r, 5));
    }
    const names = index.search({ text: 'mal' }).rows.map((r) => r.body.pii.fullName);
    expect(names).toEqual(['Amalia Malik', 'Mali Traoré', 'Kamala Osei']);
    expect(index.search({ text: 'mal' }, 1)).toMatchObject({ total: 3 });
    expect(index.search({ text: 'mal' }, 1).rows.map((r) => r.body.pii.fullName)).toEqual(['Amalia Malik']);
  });

  it('"last change" is when a form was filled or the case changed, not when a row arrived; drafts do not count', async () => {
    const index = caseIndex(db, key, 'demo');
    await index.ready();
    const a = await newCase('Grace Mensah');
    index.put(a.row, a.open.body);
    await new Promise((r) => setTimeout(r, 5));
    const b = await newCase('Kofi Boateng');
    index.put(b.row, b.open.body);
    expect(index.all().map((c) => c.body.pii.fullName)).toEqual(['Kofi Boateng', 'Grace Mensah']);

    // A Screening filled for Grace now: her case changed last.
    await new Promise((r) => setTimeout(r, 5));
    const sub = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'screening@1',
      answers: {},
      device: DEVICE,
      caseId: a.open.id,
    });
    index.put((await docsOf(db).get(sub.id))!, sub.body);
    const grace = index.get(a.open.id)!;
    expect(grace.lastChange).toBe(sub.body.createdAt);
    expect(index.all()[0]!.id).toBe(a.open.id);
    expect(index.form(sub.id)).toMatchObject({ filledAt: sub.body.createdAt });

    // A status change of Kofi's case is a change too.
    await new Promise((r) => setTimeout(r, 5));
    const moved = await moveCase(db, key, b.open, 'closed', { by: 'officer', reason: 'duplicate' });
    index.put(moved.row, moved.open.body);
    expect(index.all()[0]!.id).toBe(b.open.id);
    expect(index.get(b.open.id)!.lastChange).toBe(moved.open.body.history.at(-1)!.at);

    // A rebuild from IndexedDB (after unlock) gives the same times: none is the row's arrival.
    dropCaseIndexes();
    const again = caseIndex(db, key, 'demo');
    await again.ready();
    expect(again.get(a.open.id)!.lastChange).toBe(grace.lastChange);
    expect(again.get(b.open.id)!.lastChange).toBe(index.get(b.open.id)!.lastChange);
  });
});
