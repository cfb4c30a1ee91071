import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, submission, testApp } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Deterministic bytes (fixed linear congruential sequence). */
function bytesOf(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const LIMIT = 100_000;
let t: TestApp;
let iv: string;
let officer: string;

/** A record in `demo` whose answer names the file, stored as a device would have synced it. */
async function recordWith(file: Uint8Array, mediaType = 'image/jpeg', size = file.length) {
  const photo = { digest: sha(file), mediaType, size, name: 'door.jpg' };
  const doc = submission('demo', { full_name: 'A', visit: [{ _id: 'v1', photo }] });
  await t.store.mission('demo').writeReplicated([doc]);
  return { id: doc._id, digest: photo.digest };
}

const put = (
  token: string,
  digest: string,
  record: string,
  body: Uint8Array,
  range: string,
  mission = 'demo',
) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/missions/${mission}/attachments/${digest}?record=${encodeURIComponent(record)}`,
    headers: {
      ...bearer(token).headers,
      'content-type': 'application/octet-stream',
      'content-range': range,
    },
    payload: Buffer.from(body),
  });
const status = async (digest: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/missions/demo/attachments/${digest}/status`,
      ...bearer(iv),
    })
  ).json() as { received: number; size: number | null; complete: boolean };

beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer', 'admin'], { maxAttachmentBytes: LIMIT });
  iv = await t.login('interviewer');
  officer = await t.login('data_officer');
});
afterAll(() => t.close());

describe('file uploads of media answers (decision 125)', () => {
  it('uploads in chunks, resumes from the status after a cut, and the officer reads the file (audited)', async () => {
    const file = bytesOf(50_000, 1);
    const { id, digest } = await recordWith(file);
    expect((await put(iv, digest, id, file.subarray(0, 20_000), 'bytes 0-19999/50000')).json()).toEqual({
      digest,
      received: 20_000,
      size: 50_000,
      complete: false,
      // Headquarters: true exactly when complete (decision 229).
      atHeadquarters: false,
    });
    // The device lost the answer to its second chunk: it asks where to resume.
    expect(await status(digest)).toMatchObject({ received: 20_000, complete: false });
    const last = await put(iv, digest, id, file.subarray(20_000), 'bytes 20000-49999/50000');
    expect(last.json()).toMatchObject({ received: 50_000, complete: true, atHeadquarters: true });

    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/missions/demo/attachments/${digest}`,
      ...bearer(iv),
    });
    expect(denied.statusCode).toBe(403);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/missions/demo/attachments/${digest}`,
      ...bearer(officer),
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(new Uint8Array(read.rawPayload)).toEqual(file);
    const admin = await t.login('admin');
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=attachment.read',
      ...bearer(admin),
    });
    expect(audit.body).toContain(digest);
    expect(audit.body).toContain('data_officer');
  });

  it('refuses overlapping, skipping and mis-sized chunks with 416 and the resume point, storing nothing', async () => {
    const file = bytesOf(30_000, 2);
    const { id, digest } = await recordWith(file);
    await put(iv, digest, id, file.subarray(0, 10_000), 'bytes 0-9999/30000');
    for (const [body, range] of [
      [file.subarray(5_000, 15_000), 'bytes 5000-14999/30000'], // overlap
      [file.subarray(20_000), 'bytes 20000-29999/30000'], // gap
      [file.subarray(10_000, 20_000), 'bytes 10000-19999/999999999'], // a huge total
      [file.subarray(10_000, 20_000), 'bytes 10000-29999/30000'], // says more than it carries
      [file.subarray(10_000, 20_000), 'items 1-2'], // malformed
    ] as const) {
      const res = await put(iv, digest, id, body, range);
      expect(res.statusCode, range).toBe(416);
      expect(res.json(), range).toMatchObject({
        code: 'TERN_ATTACHMENT_RANGE',
        details: { received: 10_000 },
      });
    }
    expect(await status(digest)).toMatchObject({ received: 10_000 });
  });

  it('discards a whole file whose bytes do not match its digest', async () => {
    const file = bytesOf(4_000, 3);
    const { id, digest } = await recordWith(file);
    const forged = bytesOf(4_000, 4);
    const res = await put(iv, digest, id, forged, 'bytes 0-3999/4000');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'TERN_ATTACHMENT_DIGEST_MISMATCH' });
    expect(await status(digest)).toEqual({
      digest,
      received: 0,
      size: null,
      complete: false,
      atHeadquarters: false,
    });
  });

  it('refuses a file no record names, a file over the limit, and another mission', async () => {
    const file = bytesOf(1_000, 5);
    const { id } = await recordWith(file);
    const other = sha(bytesOf(1_000, 6));
    const notNamed = await put(iv, other, id, bytesOf(1_000, 6), 'bytes 0-999/1000');
    expect(notNamed.statusCode).toBe(422);
    expect(notNamed.json()).toMatchObject({ code: 'TERN_ATTACHMENT_NOT_REFERENCED' });

    const big = bytesOf(10, 7);
    const huge = await recordWith(big, 'image/jpeg', LIMIT + 1);
    const tooLarge = await put(iv, huge.digest, huge.id, big, `bytes 0-9/${LIMIT + 1}`);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'TERN_ATTACHMENT_TOO_LARGE', details: { limit: LIMIT } });

    const elsewhere = await put(iv, sha(file), id, file, 'bytes 0-999/1000', 'other');
    expect(elsewhere.statusCode).toBe(403);
    const badDigest = await put(iv, 'ABC', id, file, 'bytes 0-999/1000');
    expect(badDigest.statusCode).toBe(400);
  });
});
