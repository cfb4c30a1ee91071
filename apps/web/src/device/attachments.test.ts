import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentRef } from '@tern/forms';
import { AttachmentTooLargeError, DeviceAttachments, safeName, sha256Hex } from './attachments.ts';
import { openDb } from './db.ts';
import type { TernDb } from './db.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`attachments-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(`attachments-${n}`);
});

const bytesOf = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

describe('media files on the device', () => {
  it('stores a file sealed, names it by its sha-256 and gives it back', async () => {
    const store = new DeviceAttachments(db, 'm1', key);
    const photo = bytesOf('a photo of a door, not really a JPEG');
    const ref = await store.put(photo, 'image/JPEG', 'C:\\Users\\x\\door.jpg');
    expect(AttachmentRef.parse(ref)).toEqual({
      digest: await sha256Hex(photo),
      mediaType: 'image/jpeg',
      size: photo.byteLength,
      name: 'door.jpg',
    });
    // sha-256("abc"), FIPS 180-2 test vector.
    expect(await sha256Hex(bytesOf('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await store.bytes(ref.digest)).toEqual(photo);
    const row = (await db.attachments.get(['m1', ref.digest]))!;
    expect(row.uploaded).toBe(0);
    const raw = new TextDecoder().decode(row.sealed.data);
    expect(raw).not.toContain('door');
    expect(await store.pendingUploads()).toHaveLength(1);
  });

  it('keeps the same file once, and another mission cannot read it', async () => {
    const store = new DeviceAttachments(db, 'm1', key);
    const a = await store.put(bytesOf('same'), 'image/png', 'a.png');
    const b = await store.put(bytesOf('same'), 'image/png', 'b.png');
    expect(a.digest).toBe(b.digest);
    expect(await db.attachments.count()).toBe(1);
    expect(await new DeviceAttachments(db, 'm2', key).bytes(a.digest)).toBeNull();
  });

  it('the same file attached in two missions is kept for each, under its own key', async () => {
    const key2 = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const one = new DeviceAttachments(db, 'm1', key);
    const two = new DeviceAttachments(db, 'm2', key2);
    const photo = bytesOf('the same photo');
    const a = await one.put(photo, 'image/png', 'a.png');
    await two.put(photo, 'image/png', 'a.png');
    expect(await db.attachments.count()).toBe(2);
    expect(await one.bytes(a.digest)).toEqual(photo);
    expect(await two.bytes(a.digest)).toEqual(photo);
    await one.setUploaded(a.digest, photo.byteLength);
    expect(await one.pendingUploads()).toHaveLength(0);
    expect(await two.pendingUploads()).toHaveLength(1);
  });

  it('refuses a file over the limit and stores nothing', async () => {
    const store = new DeviceAttachments(db, 'm1', key, 10);
    await expect(store.put(bytesOf('eleven byte'), 'image/png', 'x.png')).rejects.toBeInstanceOf(
      AttachmentTooLargeError,
    );
    expect(await db.attachments.count()).toBe(0);
    expect((await store.put(bytesOf('ten bytes!'), 'no type', '')).mediaType).toBe(
      'application/octet-stream',
    );
  });

  it('a file that cannot be decrypted with the key is not shown as another', async () => {
    const store = new DeviceAttachments(db, 'm1', key);
    const a = await store.put(bytesOf('one'), 'image/png', 'a.png');
    const b = await store.put(bytesOf('two'), 'image/png', 'b.png');
    const rowA = (await db.attachments.get(['m1', a.digest]))!;
    await db.attachments.update(['m1', b.digest], { sealed: rowA.sealed });
    await expect(store.bytes(b.digest)).rejects.toThrow();
  });

  it('safe names drop folders and control characters', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('a\u0000b.jpg')).toBe('ab.jpg');
    expect(safeName('   ')).toBe('file');
    expect(safeName('x'.repeat(300))).toHaveLength(255);
  });
});

describe('device database upgrade to version 3', () => {
  it('keeps the records and keys of version 2 and adds the attachments table', async () => {
    const name = `upgrade-${n}`;
    const old = new Dexie(name);
    old.version(2).stores({
      docs: 'id, [mission+syncState], [mission+updatedAt], type',
      meta: 'key',
      keyring: 'username',
    });
    await old
      .table('docs')
      .put({ id: 'sub:1', mission: 'm1', type: 'sub', syncState: 'pending', updatedAt: 'x' });
    await old.table('meta').put({ key: 'checkpoint:m1', value: '42' });
    old.close();
    const upgraded = openDb(name);
    expect(await upgraded.docs.get('sub:1')).toMatchObject({ syncState: 'pending' });
    expect(await upgraded.meta.get('checkpoint:m1')).toEqual({ key: 'checkpoint:m1', value: '42' });
    expect(await upgraded.attachments.count()).toBe(0);
    upgraded.close();
    await Dexie.delete(name);
  });
});
