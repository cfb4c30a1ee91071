import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, submission, testApp } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

// The CouchDB door's `_attachments` (decision 168), with real accounts: who gets files, and refusals.
let t: TestApp;
const photo = new Uint8Array(Buffer.from('not really a jpeg, but bytes'));
const digest = createHash('sha256').update(photo).digest('hex');
let id: string;
beforeEach(async () => {
  t = await testApp(['interviewer', 'data_officer']);
  const doc = submission('demo', {
    full_name: 'A',
    door: { digest, mediaType: 'image/jpeg', size: photo.length, name: 'door.jpg' },
  });
  id = doc._id;
  await t.store.mission('demo').writeReplicated([doc]);
  await t.store.attachments('demo').append(digest, 0, photo.length, 'image/jpeg', photo);
});
afterEach(() => t.close());

const get = async (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, ...bearer(await t.login(who)) });

describe('CouchDB door: files as _attachments', () => {
  it('gives a data officer stubs, inline bytes with attachments=true, and the bytes by name', async () => {
    const stub = (await get('data_officer', `/couch/demo/${id}`)).json();
    expect(stub._attachments[digest]).toMatchObject({
      stub: true,
      length: photo.length,
      content_type: 'image/jpeg',
    });
    const inline = (await get('data_officer', `/couch/demo/${id}?attachments=true`)).json();
    expect(Buffer.from(inline._attachments[digest].data, 'base64').equals(Buffer.from(photo))).toBe(true);
    const bytes = await get('data_officer', `/couch/demo/${id}/${digest}`);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('application/octet-stream');
    expect(bytes.rawPayload.equals(Buffer.from(photo))).toBe(true);
  });

  it('gives an interviewer the record without files, and refuses them the bytes', async () => {
    const doc = (await get('interviewer', `/couch/demo/${id}`)).json();
    expect(doc.answers.door.digest).toBe(digest);
    expect(doc._attachments).toBeUndefined();
    expect((await get('interviewer', `/couch/demo/${id}/${digest}`)).statusCode).toBe(403);
  });

  it('answers 404 for a file the record does not name, and for a name that is no sha-256', async () => {
    expect((await get('data_officer', `/couch/demo/${id}/${'b'.repeat(64)}`)).statusCode).toBe(404);
    expect((await get('data_officer', `/couch/demo/${id}/door.jpg`)).statusCode).toBe(404);
  });

  it('refuses a multipart push with bad_content_type and stores nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      headers: {
        ...bearer(await t.login('data_officer')).headers,
        'content-type': 'multipart/related; boundary=x',
      },
      payload: '--x\r\ncontent-type: application/json\r\n\r\n{"docs":[]}\r\n--x--',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('bad_content_type');
  });
});
