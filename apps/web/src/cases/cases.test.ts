import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidCaseCode } from '@tern/cases';
import { nextRevision } from '@tern/sync';
import { openDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { TernDb } from '../device/db.ts';
import { DexieSyncStorage } from '../device/local-store.ts';
import { saveSubmission } from '../records/submissions.ts';
import { caseIndex, CaseIndex, dropCaseIndexes, fold } from './case-index.ts';
import { DeletionBody } from '@tern/api';
import { createCase, deleteSubmission, moveCase, recordDecision, reviewSubmission } from './case-store.ts';
import {
  NoDeviceNumberError,
  deviceNumber,
  missionCode,
  nextCaseCode,
  registerDevice,
} from './device-number.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`cases-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  dropCaseIndexes();
  await db.delete();
});

const DEVICE = 'dev-01J00000000000000000000001';
/** A fetch that answers the device registration with `number` and counts calls. */
function fakeServer(number: number) {
  const calls: string[] = [];
  const f = (async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method} ${url} ${String(init?.body)}`);
    return new Response(JSON.stringify({ deviceId: DEVICE, number }), { status: 200 });
  }) as unknown as typeof fetch;
  return { f, calls };
}
const offline = (async () => {
  throw new TypeError('Failed to fetch');
}) as unknown as typeof fetch;

async function newCase(name: string, extra: { user?: string } = {}) {
  return createCase(db, key, {
    mission: 'demo',
    device: DEVICE,
    user: extra.user ?? 'interviewer',
    pii: { fullName: name },
  });
}

describe('device number and case codes', () => {
  it('registers once online, keeps the number per mission, and codes count up with a valid check char', async () => {
    const server = fakeServer(7);
    expect(await registerDevice(db, 'demo', DEVICE, server.f)).toBe(7);
    expect(await registerDevice(db, 'demo', DEVICE, server.f)).toBe(7);
    expect(server.calls).toEqual([`POST /api/missions/demo/devices {"deviceId":"${DEVICE}"}`]);
    expect(await deviceNumber(db, 'other')).toBeNull();
    const a = await nextCaseCode(db, 'demo');
    const b = await nextCaseCode(db, 'demo');
    expect(a).toMatch(/^DEMO-07-0001-[0-9A-Z]$/);
    expect(b).toMatch(/^DEMO-07-0002-/);
    expect(isValidCaseCode(a) && isValidCaseCode(b)).toBe(true);
    expect(missionCode('nig-2')).toBe('NIG2');
  });

  it('a second account on the same tablet joins the device with the secret the first one was given', async () => {
    const calls: string[] = [];
    const f = (async (_url: string, init?: RequestInit) => {
      calls.push(String(init?.body));
      const first = calls.length === 1;
      return new Response(
        JSON.stringify({ deviceId: DEVICE, number: 4, ...(first ? { deviceSecret: 's3cret' } : {}) }),
        {
          status: 200,
        },
      );
    }) as unknown as typeof fetch;
    expect(await registerDevice(db, 'demo', DEVICE, f, 'amina')).toBe(4);
    expect(await registerDevice(db, 'demo', DEVICE, f, 'amina')).toBe(4); // joined: no second call
    expect(await registerDevice(db, 'demo', DEVICE, f, 'bilal')).toBe(4);
    expect(calls.map((c) => JSON.parse(c) as Record<string, string>)).toEqual([
      { deviceId: DEVICE },
      { deviceId: DEVICE, deviceSecret: 's3cret' },
    ]);
    // Refused (another account's device, a server down): the known number still makes case codes.
    const refused = (async () => new Response('{}', { status: 403 })) as unknown as typeof fetch;
    expect(await registerDevice(db, 'demo', DEVICE, refused, 'chen')).toBe(4);
  });

  it('gives different codes to cases created at the same moment', async () => {
    await registerDevice(db, 'demo', DEVICE, fakeServer(3).f);
    const codes = await Promise.all(Array.from({ length: 20 }, () => nextCaseCode(db, 'demo')));
    expect(new Set(codes).size).toBe(20);
  });

  it('refuses to create a case, with a clear message, on a device that never got a number', async () => {
    expect(await registerDevice(db, 'demo', DEVICE, offline)).toBeNull();
    await expect(newCase('Amina')).rejects.toThrow(NoDeviceNumberError);
    await expect(newCase('Amina')).rejects.toThrow(/no number in mission demo.*Connect to the network/);
    expect(await docsOf(db).count()).toBe(0);
  });
});

describe('case lifecycle on the device', () => {
  beforeEach(async () => {
    await registerDevice(db, 'demo', DEVICE, fakeServer(1).f);
  });

  it('creates, decides, assists, returns, reintegrates, closes and reopens, with who/when/why; bodies sealed', async () => {
    let { open: c } = await newCase('Amina Diallo');
    expect(c.body.status).toBe('screening');
    expect(c.syncState).toBe('pending');
    c = (await recordDecision(db, key, c, { trafficking: 'actual', eligible: true }, { by: 'interviewer' }))
      .open;
    expect(c.body).toMatchObject({ status: 'eligible', decision: { trafficking: 'actual', eligible: true } });
    for (const to of ['assisted', 'returned', 'reintegrated'] as const)
      c = (await moveCase(db, key, c, to, { by: 'interviewer' })).open;
    await expect(moveCase(db, key, c, 'closed', { by: 'officer' })).rejects.toThrow(/Give a reason/);
    c = (await moveCase(db, key, c, 'closed', { by: 'officer', reason: 'Follow-up complete' })).open;
    c = (await moveCase(db, key, c, 'reintegrated', { by: 'officer', reason: 'New threat reported' })).open;
    expect(c.body.history.map((h) => `${h.from}>${h.to} ${h.by}${h.reason ? ` (${h.reason})` : ''}`)).toEqual(
      [
        'null>screening interviewer',
        'screening>eligible interviewer',
        'eligible>assisted interviewer',
        'assisted>returned interviewer',
        'returned>reintegrated interviewer',
        'reintegrated>closed officer (Follow-up complete)',
        'closed>reintegrated officer (New threat reported)',
      ],
    );
    const row = await docsOf(db).get(c.id);
    expect(row!.revisions.start).toBe(7);
    // IndexedDB holds no name, code or status in clear.
    const raw = JSON.stringify(await docsOf(db).find(), (_k, v) =>
      v instanceof ArrayBuffer ? new TextDecoder().decode(v) : v,
    );
    expect(raw).not.toMatch(/Amina|Diallo|DEMO-01|reintegrated|Follow-up/);
  });

  it('a not-eligible decision needs a reason and records it', async () => {
    const { open: c } = await newCase('Omar Haddad');
    await expect(
      recordDecision(db, key, c, { trafficking: 'not_victim', eligible: false }, { by: 'interviewer' }),
    ).rejects.toThrow(/reason/);
    const { open: d } = await recordDecision(
      db,
      key,
      c,
      { trafficking: 'not_victim', eligible: false, reason: 'Labour dispute, no trafficking indicators' },
      { by: 'interviewer' },
    );
    expect(d.body.status).toBe('not_eligible');
    expect(d.body.history.at(-1)?.reason).toBe('Labour dispute, no trafficking indicators');
  });
});

describe('case index: in-memory search over sealed cases', () => {
  beforeEach(async () => {
    await registerDevice(db, 'demo', DEVICE, fakeServer(2).f);
  });

  it('finds by code and by name, ignoring case and diacritics; filters by status, form, assignee, date', async () => {
    const index = caseIndex(db, key, 'demo');
    await index.ready();
    const a = await newCase('Lucía Hernández');
    const b = await newCase('Ibrahim Okafor', { user: 'officer' });
    const c = await newCase('Олена Коваленко');
    for (const x of [a, b, c]) index.put(x.row, x.open.body);
    const sub = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'assistance@1',
      answers: {},
      device: DEVICE,
      caseId: a.open.id,
    });
    index.put({ ...(await docsOf(db).get(sub.id))! }, sub.body);
    const names = (f: Parameters<CaseIndex['search']>[0]) =>
      index.search(f).rows.map((r) => r.body.pii.fullName);

    expect(names({ text: 'lucia' })).toEqual(['Lucía Hernández']);
    expect(names({ text: 'HERNANDEZ luc' })).toEqual(['Lucía Hernández']);
    expect(names({ text: 'олена' })).toEqual(['Олена Коваленко']);
    expect(names({ text: b.open.body.code.toLowerCase() })).toEqual(['Ibrahim Okafor']);
    expect(names({ text: 'DEMO-02' })).toHaveLength(3);
    expect(names({ assignedTo: 'officer' })).toEqual(['Ibrahim Okafor']);
    expect(names({ form: 'assistance@1' })).toEqual(['Lucía Hernández']);
    expect(names({ status: 'eligible' })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(names({ from: today, to: today })).toHaveLength(3);
    expect(names({ to: '2000-01-01' })).toEqual([]);
    expect(index.search({}, 2)).toMatchObject({ total: 3 });
    expect(index.search({}, 2).rows).toHaveLength(2);
    expect(fold('  Zaïnab   BEGUM ')).toBe('zainab begum');
  });

  it('is built once from IndexedDB after unlock, and a refresh after a pull decrypts only what changed', async () => {
    const a = await newCase('Grace Mensah');
    const index = new CaseIndex(db, key, 'demo');
    await index.ready();
    expect(index.search({ text: 'grace' }).total).toBe(1);

    // A pull brings another device's case: the index learns it on refresh.
    const body = {
      ...a.open.body,
      code: 'DEMO-09-0001-X',
      pii: { fullName: 'Kofi Boateng' },
      device: 'dev-B',
    };
    const { rev, revisions } = nextRevision(null, body);
    await new DexieSyncStorage(db, 'demo', key).applyPulled(
      [{ _id: 'case:01J0000000000000000000000B', _rev: rev, _revisions: revisions, ...body }],
      '1',
    );
    const before = index.version;
    await index.refresh();
    expect(index.version).toBe(before + 1);
    expect(index.search({ text: 'kofi' }).total).toBe(1);
    await index.refresh();
    expect(index.version).toBe(before + 1); // nothing changed, nothing decrypted
  });

  it('review queue: officers see saved forms waiting; a returned form reaches its interviewer with the comment', async () => {
    const index = caseIndex(db, key, 'demo');
    await index.ready();
    const c = await newCase('Blessing Adeyemi');
    index.put(c.row, c.open.body);
    const sub = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'screening@1',
      answers: {},
      device: DEVICE,
      caseId: c.open.id,
    });
    await index.refresh();
    expect(index.reviewQueue().map((f) => f.id)).toEqual([sub.id]);
    await expect(reviewSubmission(db, key, sub, { state: 'returned', by: 'officer' })).rejects.toThrow(
      /needs a comment/,
    );
    const { row, body } = await reviewSubmission(db, key, sub, {
      state: 'returned',
      by: 'officer',
      comment: 'Add the interview date',
    });
    index.put(row, body);
    expect(index.reviewQueue()).toEqual([]);
    expect(index.returned('interviewer').map((f) => f.review?.comment)).toEqual(['Add the interview date']);
    expect(index.returned('someone-else')).toEqual([]);
  });

  it('an officer deletes a form with a reason: the tombstone the server accepts, gone from the case', async () => {
    const index = caseIndex(db, key, 'demo');
    await index.ready();
    const c = await newCase('Rosa Mendes');
    index.put(c.row, c.open.body);
    const sub = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'screening@1',
      answers: {},
      device: DEVICE,
      caseId: c.open.id,
    });
    await index.refresh();
    expect(index.reviewQueue().map((f) => f.id)).toEqual([sub.id]);
    const rec = (await docsOf(db).get(sub.id))!;
    await expect(deleteSubmission(db, key, rec, { by: 'officer', reason: '  ' })).rejects.toThrow(/reason/);
    expect((await docsOf(db).get(sub.id))?.deleted).toBe(false);
    const { row, body } = await deleteSubmission(db, key, rec, { by: 'officer', reason: 'Entered twice' });
    expect(DeletionBody.safeParse(body).success).toBe(true);
    expect(row).toMatchObject({ deleted: true, syncState: 'pending' });
    expect(row.revisions.ids[1]).toBe(rec.rev.split('-')[1]);
    index.put(row, body);
    expect(index.reviewQueue()).toEqual([]);
    const storage = new DexieSyncStorage(db, 'demo', key);
    expect((await storage.pending(10)).filter((d) => d._id === sub.id)).toEqual([
      expect.objectContaining({
        _id: sub.id,
        _deleted: true,
        deletion: expect.objectContaining({ reason: 'Entered twice' }),
      }),
    ]);
  });

  it('an edit of an approved form sends it back to review (the server refuses "approved" over new answers)', async () => {
    const sub = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'screening@1',
      answers: { a: 1 },
      device: DEVICE,
    });
    const approved = await reviewSubmission(db, key, sub, { state: 'approved', by: 'officer' });
    const edited = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'screening@1',
      answers: { a: 2 },
      device: DEVICE,
      id: sub.id,
      edit: { rev: approved.row.rev, by: 'interviewer' },
    });
    expect(edited.body.review).toMatchObject({ state: 'submitted', by: 'interviewer' });
  });

  it('is dropped on lock: a new key gets a new, empty index', async () => {
    const index = caseIndex(db, key, 'demo');
    expect(caseIndex(db, key, 'demo')).toBe(index);
    dropCaseIndexes();
    expect(caseIndex(db, key, 'demo')).not.toBe(index);
  });
});
