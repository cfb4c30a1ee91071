import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinForms } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import { pouchClient, storeEdit, testUlid } from '../support/pouch-client.ts';
import { startTernInProcess } from '../support/tern-server.ts';
import type { InProcessServer } from '../support/tern-server.ts';

// PouchDB 9 (Node, LevelDB) replicating records with a photo through the CouchDB door (decision 168).
const visit: FormDefinition = {
  id: 'visit',
  version: '1',
  title: { en: 'Visit' },
  defaultLanguage: 'en',
  children: [
    { type: 'text', name: 'place', label: { en: 'Place' } },
    { type: 'media', name: 'door', label: { en: 'Photo of the door' }, accept: 'image' },
  ],
};
const forms = (key: string) => (key === 'visit@1' ? visit : builtinForms.get(key));

let server: InProcessServer;
let client: ReturnType<typeof pouchClient>;
let remote: string;
beforeEach(async () => {
  server = await startTernInProcess(['demo'], { forms, maxAttachmentBytes: 64 * 1024 });
  client = pouchClient();
  remote = `${server.url}/couch/demo`;
});
afterEach(async () => {
  await client.destroy();
  await server.stop();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
function visitDoc(photo: Uint8Array, place = 'Harbour') {
  return {
    _id: `sub:${testUlid()}`,
    type: 'submission',
    mission: 'demo',
    form: 'visit@1',
    answers: {
      place,
      door: { digest: sha(photo), mediaType: 'image/jpeg', size: photo.length, name: 'door.jpg' },
    },
    createdAt: '2026-11-20T10:00:00.000Z',
    device: 'pouch-client',
  };
}

describe('PouchDB ⇄ Tern: a record with a photo', () => {
  it('pushes the photo as an attachment: the server stores the bytes under their sha-256', async () => {
    const photo = new Uint8Array(randomBytes(20_000));
    const doc = visitDoc(photo);
    await client.db.put({
      ...doc,
      _attachments: { [sha(photo)]: { content_type: 'image/jpeg', data: Buffer.from(photo) } },
    });
    const result = await client.db.replicate.to(remote);
    expect(result.docs_written).toBe(1);
    expect(result.doc_write_failures).toBe(0);
    const held = await server.store.attachments('demo').read(sha(photo));
    expect(held && Buffer.from(held.bytes).equals(Buffer.from(photo))).toBe(true);
    // The record is stored without `_attachments`: Tern keeps files apart from records.
    expect(await server.store.mission('demo').get(doc._id)).not.toHaveProperty('_attachments');
  });

  it('pulls the photo: PouchDB holds the same bytes, and a second client gets them too', async () => {
    const photo = new Uint8Array(randomBytes(30_000));
    const doc = visitDoc(photo, 'Market');
    await storeEdit(server.store.mission('demo'), [doc]);
    await server.store.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const result = await client.db.replicate.from(remote);
    expect(result.docs_written).toBe(1);
    const local = await client.db.getAttachment(doc._id, sha(photo));
    expect(Buffer.from(local as Buffer).equals(Buffer.from(photo))).toBe(true);
    expect(
      server.requests.some((r) =>
        r.startsWith(`GET /couch/demo/${encodeURIComponent(doc._id)}/${sha(photo)}`),
      ),
    ).toBe(true);
  });

  it('round trip: pushed by one PouchDB, pulled by another, the bytes are equal', async () => {
    const photo = new Uint8Array(randomBytes(10_000));
    const doc = visitDoc(photo, 'Station');
    await client.db.put({
      ...doc,
      _attachments: { [sha(photo)]: { content_type: 'image/jpeg', data: Buffer.from(photo) } },
    });
    await client.db.replicate.to(remote);
    const other = pouchClient();
    try {
      await other.db.replicate.from(remote);
      const back = await other.db.getAttachment(doc._id, sha(photo));
      expect(sha(new Uint8Array(back as Buffer))).toBe(sha(photo));
    } finally {
      await other.destroy();
    }
  });

  it('denies a record whose attachment is not the file its answer names, or too large; stores nothing', async () => {
    const photo = new Uint8Array(randomBytes(1000));
    const other = new Uint8Array(randomBytes(1000));
    const wrong = visitDoc(photo, 'Wrong');
    await client.db.put({
      ...wrong,
      _attachments: { 'door.jpg': { content_type: 'image/jpeg', data: Buffer.from(other) } },
    });
    const big = new Uint8Array(randomBytes(70 * 1024));
    const large = visitDoc(big, 'Large');
    await client.db.put({
      ...large,
      _attachments: { [sha(big)]: { content_type: 'image/jpeg', data: Buffer.from(big) } },
    });
    const denied: unknown[] = [];
    const result = await client.db.replicate.to(remote).on('denied', (e) => denied.push(e));
    expect(result.doc_write_failures).toBe(2);
    expect(JSON.stringify(denied)).toMatch(/no file this record's answers name/);
    expect(JSON.stringify(denied)).toMatch(/at most 65536/);
    expect(await server.store.attachments('demo').read(sha(other))).toBeUndefined();
    expect(await server.store.attachments('demo').read(sha(big))).toBeUndefined();
    expect(await server.store.mission('demo').get(wrong._id)).toBeUndefined();
  });
});
