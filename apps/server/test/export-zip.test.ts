import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { bearer, testApp, testUlid } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

let t: TestApp;
let officer: string;
let iv: string;

const FORM = {
  id: 'visit',
  version: '2',
  title: { en: 'Visit' },
  defaultLanguage: 'en',
  children: [
    { type: 'media', name: 'door', label: { en: 'Door' }, accept: 'image' },
    {
      type: 'repeat',
      name: 'rooms',
      label: { en: 'Rooms' },
      children: [{ type: 'media', name: 'room_photo', label: { en: 'Room' }, accept: 'image' }],
    },
    { type: 'media', name: 'statement', label: { en: 'Statement' }, accept: 'audio' },
  ],
};

function doc(id: string, body: Record<string, unknown>): WireDoc {
  const r = nextRevision(null, body);
  return { _id: id, _rev: r.rev, _revisions: r.revisions, ...body };
}
const ref = (b: Uint8Array, mediaType: string, name: string) => ({
  digest: sha(b),
  mediaType,
  size: b.length,
  name,
});

const door = bytes(3000, 1);
const room1 = bytes(2000, 2);
const room2 = bytes(2500, 3);
const voice = bytes(1000, 4); // named by its record, never uploaded
const caseId = `case:${testUlid()}`;
const loose = `sub:${testUlid()}`;

beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer', 'admin']);
  officer = await t.login('data_officer');
  iv = await t.login('interviewer');
  const admin = await t.login('admin');
  const pub = await t.app.inject({
    method: 'POST',
    url: '/api/admin/forms',
    payload: FORM,
    ...bearer(admin),
  });
  expect(pub.statusCode, pub.body).toBe(201);
  const common = {
    type: 'submission',
    mission: 'demo',
    form: 'visit@2',
    createdAt: '2026-11-20T10:00:00.000Z',
    device: 'd',
  };
  await t.store.mission('demo').writeReplicated([
    doc(caseId, {
      type: 'case',
      mission: 'demo',
      code: 'DEMO-7-0042',
      status: 'screening',
      pii: { fullName: 'A' },
    }),
    doc(`sub:${testUlid()}`, {
      ...common,
      caseId,
      answers: {
        door: ref(door, 'image/jpeg', 'front door.JPG'),
        rooms: [
          { _id: 'r1', room_photo: ref(room1, 'image/png', 'a.png') },
          { _id: 'r2', room_photo: ref(room2, 'image/png', 'no-extension') },
        ],
      },
    }),
    doc(loose, { ...common, answers: { statement: ref(voice, 'audio/ogg', 'voice') } }),
  ]);
  const files = t.store.attachments('demo');
  await files.append(sha(door), 0, door.length, 'image/jpeg', door);
  await files.append(sha(room1), 0, room1.length, 'image/png', room1);
  await files.append(sha(room2), 0, room2.length, 'image/png', room2);
});
afterAll(() => t.close());

const exportZip = (token: string, query = 'format=zip', mission = 'demo') =>
  t.app.inject({ method: 'GET', url: `/api/missions/${mission}/export?${query}`, ...bearer(token) });

describe('export with files (format=zip)', () => {
  it('holds the workbook, the CSV for one form and every uploaded file under <form>/<case code or record>/<question>-<n>', async () => {
    const res = await exportZip(officer, 'format=zip&form=visit@2');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tern-demo-visit-v2-\d{4}-\d\d-\d\d\.zip"$/,
    );
    const zip = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(zip).sort();
    const stamp = names[1]!.slice('tern-demo-visit-v2-'.length, -'.csv'.length);
    expect(names).toEqual([
      'files-missing.csv',
      `tern-demo-visit-v2-${stamp}.csv`,
      `tern-demo-visit-v2-${stamp}.xlsx`,
      'visit-v2/DEMO-7-0042/door-1.jpg',
      'visit-v2/DEMO-7-0042/room_photo-1.png',
      'visit-v2/DEMO-7-0042/room_photo-2.png',
    ]);
    expect(zip['visit-v2/DEMO-7-0042/door-1.jpg']).toEqual(door);
    expect(zip['visit-v2/DEMO-7-0042/room_photo-2.png']).toEqual(room2);
    // The recording was never uploaded: listed with its path and record, not silently absent.
    expect(new TextDecoder().decode(zip['files-missing.csv'])).toBe(
      `path,sha256,record\r\nvisit-v2/${loose.slice(4)}/statement-1.ogg,${sha(voice)},${loose}\r\n`,
    );
    expect(new TextDecoder().decode(zip[`tern-demo-visit-v2-${stamp}.csv`])).toContain('front door.JPG');
  });

  it('is audited as an export and a read of the files', async () => {
    await exportZip(officer);
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?limit=5',
      ...bearer(await t.login('admin')),
    });
    const actions = (log.json().entries as Array<{ action: string; details?: Record<string, unknown> }>).map(
      (e) => [e.action, e.details?.files],
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        ['export', 4],
        ['attachment.read', 4],
      ]),
    );
  });

  it('is refused to an interviewer and to an officer of another mission; a bad format is a 400', async () => {
    expect((await exportZip(iv)).statusCode).toBe(403);
    expect((await exportZip(officer, 'format=zip', 'other')).statusCode).toBe(403);
    const bad = await exportZip(officer, 'format=tar');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('TERN_BAD_REQUEST');
  });
});
