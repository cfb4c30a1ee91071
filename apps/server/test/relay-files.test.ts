import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { FileReplicator } from '../src/relay/file-replicator.ts';
import { MissionReplicator } from '../src/relay/mission-replicator.ts';
import { Upstream } from '../src/relay/upstream.ts';
import { PASSWORD, bearer, startHqWithRelay, submission, testApp, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * Files of media answers through the relay (decisions 229–230), against a real headquarters app on a
 * loopback port: up through headquarters' file route (its admission, limit and sha-256 check), down
 * in `Range` parts; a cut at any request resumes where the bytes end, never from 0 and never twice.
 */
let hq: TestApp;
let hqUrl: string;
let relayStore: TernStore;
let n = 0;
const LIMIT = 64 * 1024;

/** Headquarters with the relay's account, listening on a loopback port. */
async function startHq(): Promise<void> {
  ({ hq, url: hqUrl } = await startHqWithRelay({ maxAttachmentBytes: LIMIT }));
}

beforeEach(async () => {
  await startHq();
  n += 1;
  relayStore = new TernStore({ kind: 'memory', prefix: `relay-files-${n}-${Date.now()}` });
});
afterEach(async () => {
  await hq.close();
  await relayStore.close();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A record naming a photo, and the photo. */
function withPhoto(size: number): { doc: WireDoc; photo: Uint8Array } {
  const photo = new Uint8Array(randomBytes(size));
  const doc = submission('demo', {
    ...validAnswers('Photo'),
    door: { digest: sha(photo), mediaType: 'image/jpeg', size, name: 'door.jpg' },
  });
  return { doc, photo };
}

/**
 * An upstream whose fetch can cut: `cut(k)` makes the k-th file request (PUT or ranged GET) go
 * through to headquarters and then fail as a reset link would, so headquarters did the work and the
 * relay does not know it.
 */
function upstream() {
  const seen = { fileRequests: 0, putBytes: 0, getBytes: 0 };
  let cutAt = -1;
  const f: typeof fetch = async (input, init) => {
    const url = String(input);
    const file = /\/attachments\/[0-9a-f]{64}(\?|$)/.test(url);
    if (file) seen.fileRequests += 1;
    const res = await fetch(input, init);
    if (file && init?.method === 'PUT') seen.putBytes += (init.body as Uint8Array).byteLength;
    if (file && seen.fileRequests === cutAt) {
      await res.arrayBuffer();
      throw new TypeError('fetch failed');
    }
    return res;
  };
  const up = new Upstream({ url: hqUrl, username: 'relay-a', password: PASSWORD, fetch: f });
  return { up, seen, cut: (k: number) => (cutAt = k) };
}

const replicator = (up: Upstream, o: Partial<{ budgetBytes: number; now: () => number }> = {}) =>
  new FileReplicator(relayStore, up, 'demo', {
    budgetBytes: o.budgetBytes ?? 1 << 30,
    maxBytes: LIMIT,
    retryMs: 60_000,
    chunkBytes: 4096,
    ...(o.now ? { now: o.now } : {}),
  });

describe('files through the relay', { timeout: 120_000 }, () => {
  it('up: a cut mid-file resumes where headquarters’ bytes end; digests equal; nothing sent twice', async () => {
    const { doc, photo } = withPhoto(20_000);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.mission('demo').writeReplicated([doc]);
    await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const { up, seen, cut } = upstream();
    const r = replicator(up);
    // File requests are the chunks (the status asks are not counted): the 3rd reaches headquarters,
    // then the link drops before its answer.
    cut(3);
    await expect(r.pass()).rejects.toThrow('fetch failed');
    expect((await hq.store.attachments('demo').status(sha(photo))).received).toBe(3 * 4096);
    expect(await r.atHeadquarters(sha(photo))).toBe(false);
    expect((await r.counts()).up).toBe(1);

    const report = await r.pass();
    expect(report.up).toBe(1);
    const atHq = await hq.store.attachments('demo').read(sha(photo));
    expect(atHq && sha(atHq.bytes)).toBe(sha(photo));
    // Every byte crossed once: the cut chunk had landed, and the next pass asked where to resume.
    expect(seen.putBytes).toBe(photo.length);
    expect(await r.atHeadquarters(sha(photo))).toBe(true);
    expect(await r.counts()).toMatchObject({ up: 0, down: 0, onTablets: 0, errorsTotal: 0 });
    // A closed note moves nothing more.
    const before = seen.fileRequests;
    expect(await r.pass()).toEqual({ up: 0, down: 0, bytes: 0 });
    expect(seen.fileRequests).toBe(before);
  });

  it('down: a cut mid-file resumes with a Range from the relay’s bytes; every part read is audited at headquarters', async () => {
    const { doc, photo } = withPhoto(30_000);
    await hq.store.mission('demo').writeReplicated([doc]);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const { up, cut } = upstream();
    const r = replicator(up);
    cut(2); // part 1, then part 2 (answered, then the link drops before the relay stored it)
    await expect(r.pass()).rejects.toThrow('fetch failed');
    expect((await relayStore.attachments('demo').status(sha(photo))).received).toBe(4096);
    expect((await r.counts()).down).toBe(1);
    expect((await r.pass()).down).toBe(1);
    const here = await relayStore.attachments('demo').read(sha(photo));
    expect(here && sha(here.bytes)).toBe(sha(photo));
    expect(await r.counts()).toMatchObject({ up: 0, down: 0, errorsTotal: 0 });
    const audit = await hq.store
      .system()
      .list<{ _id: string; action?: string; actor?: string; details?: { range?: string } }>('audit:', {
        limit: 1000,
      });
    const reads = audit.filter((a) => a.action === 'attachment.read' && a.actor === 'relay-a');
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(photo.length / 4096));
    expect(reads.every((a) => /^\d+-\d+$/.test(a.details?.range ?? ''))).toBe(true);
  });

  it('a file named by a record headquarters does not hold waits, in words, and goes once the record does', async () => {
    const { doc, photo } = withPhoto(5000);
    await relayStore.mission('demo').writeReplicated([doc]);
    await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    let now = Date.parse('2026-12-03T10:00:00Z');
    const r = replicator(upstream().up, { now: () => now });
    expect(await r.pass()).toMatchObject({ up: 0 });
    const c = await r.counts();
    expect(c.errorsTotal).toBe(1);
    expect(c.errors[0]).toMatchObject({
      record: doc._id,
      code: 'TERN_ATTACHMENT_NOT_REFERENCED',
      attempts: 1,
    });
    expect(c.errors[0]!.reason).toContain('goes once the record does');
    // Not tried again before its time.
    expect(await r.pass()).toMatchObject({ up: 0, bytes: 0 });
    await hq.store.mission('demo').writeReplicated([doc]);
    now += 61_000;
    expect((await r.pass()).up).toBe(1);
    expect(await r.counts()).toMatchObject({ up: 0, errorsTotal: 0 });
  });

  it('headquarters’ limit holds for the relay as for a tablet: a larger file is refused, noted, not stored', async () => {
    // The relay's own store took a file over headquarters' limit (the relay was set with a larger one).
    const { doc, photo } = withPhoto(LIMIT + 1);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.mission('demo').writeReplicated([doc]);
    await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const r = replicator(upstream().up);
    await r.pass();
    expect((await r.counts()).errors[0]).toMatchObject({ code: 'TERN_ATTACHMENT_TOO_LARGE' });
    expect((await hq.store.attachments('demo').status(sha(photo))).received).toBe(0);
    expect(await r.atHeadquarters(sha(photo))).toBe(false);
  });

  it('moves at most the budget per pass, the file under way resuming at the next', async () => {
    const { doc, photo } = withPhoto(40_000);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.mission('demo').writeReplicated([doc]);
    await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const r = replicator(upstream().up, { budgetBytes: 10_000 });
    const first = await r.pass();
    expect(first.up).toBe(0);
    expect(first.bytes).toBeLessThanOrEqual(10_000 + 4096);
    let passes = 1;
    while ((await r.counts()).up > 0 && passes < 10) {
      await r.pass();
      passes++;
    }
    expect(passes).toBe(4);
    const atHq = await hq.store.attachments('demo').read(sha(photo));
    expect(atHq && sha(atHq.bytes)).toBe(sha(photo));
  });

  it('the record replicator takes down a record whose file headquarters lists as a stub, then the file follows', async () => {
    const { doc, photo } = withPhoto(9000);
    await hq.store.mission('demo').writeReplicated([doc]);
    await hq.store.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const { up } = upstream();
    // With attachment.read the relay gets `_attachments` stubs from `_bulk_get` (decision 168).
    const report = await new MissionReplicator(relayStore, up, 'demo', 'relay-a', 10).pass();
    expect(report.pulled).toBe(1);
    const stored = await relayStore.mission('demo').get(doc._id);
    expect(stored?._rev).toBe(doc._rev);
    expect(stored).not.toHaveProperty('_attachments');
    expect((await replicator(up).pass()).down).toBe(1);
    const here = await relayStore.attachments('demo').read(sha(photo));
    expect(here && sha(here.bytes)).toBe(sha(photo));
  });

  it('sends again the files a restored headquarters lacks: the new replication session forgets what it acknowledged', async () => {
    const { doc, photo } = withPhoto(12_000);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.mission('demo').writeReplicated([doc]);
    await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const first = upstream().up;
    await new MissionReplicator(relayStore, first, 'demo', 'relay-a', 10).pass();
    expect((await replicator(first).pass()).up).toBe(1);
    expect(await replicator(first).atHeadquarters(sha(photo))).toBe(true);
    // Headquarters restored from a backup made after the record but before its file came: a new app,
    // the same accounts, the record, no file, no checkpoint of the relay's.
    await hq.close();
    await startHq();
    await hq.store.mission('demo').writeReplicated([doc]);
    const again = upstream();
    await new MissionReplicator(relayStore, again.up, 'demo', 'relay-a', 10).pass();
    const r = replicator(again.up);
    expect(await r.atHeadquarters(sha(photo))).toBe(false);
    expect((await r.pass()).up).toBe(1);
    const atHq = await hq.store.attachments('demo').read(sha(photo));
    expect(atHq && sha(atHq.bytes)).toBe(sha(photo));
    expect(await r.atHeadquarters(sha(photo))).toBe(true);
    // The same session next time: nothing forgotten, nothing sent again.
    await new MissionReplicator(relayStore, again.up, 'demo', 'relay-a', 10).pass();
    const before = again.seen.fileRequests;
    expect(await r.pass()).toEqual({ up: 0, down: 0, bytes: 0 });
    expect(again.seen.fileRequests).toBe(before);
  });

  it('asks headquarters about a file neither side holds less and less often, but sends one a tablet just uploaded at once', async () => {
    const { doc, photo } = withPhoto(3000);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.mission('demo').writeReplicated([doc]);
    let now = Date.parse('2026-12-03T10:00:00Z');
    let statusAsks = 0;
    const counted = new Upstream({
      url: hqUrl,
      username: 'relay-a',
      password: PASSWORD,
      fetch: async (input, init) => {
        if (String(input).endsWith('/status')) statusAsks++;
        return fetch(input, init);
      },
    });
    const r = new FileReplicator(relayStore, counted, 'demo', {
      budgetBytes: 1 << 30,
      maxBytes: LIMIT,
      retryMs: 60_000,
      chunkBytes: 4096,
      now: () => now,
    });
    await r.pass();
    expect(statusAsks).toBe(1);
    // Within the wait (60 s, then 120 s…): no question crosses the link.
    now += 30_000;
    await r.pass();
    expect(statusAsks).toBe(1);
    now += 31_000;
    await r.pass();
    expect(statusAsks).toBe(2);
    now += 60_000;
    await r.pass();
    expect(statusAsks).toBe(2);
    // A tablet on the LAN uploads it to the relay: the next pass sends it, without waiting its turn.
    await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    expect((await r.pass()).up).toBe(1);
    const atHq = await hq.store.attachments('demo').read(sha(photo));
    expect(atHq && sha(atHq.bytes)).toBe(sha(photo));
  });

  it('a file neither side holds is counted as still on a tablet, not as an error', async () => {
    const { doc } = withPhoto(3000);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.mission('demo').writeReplicated([doc]);
    const r = replicator(upstream().up);
    await r.pass();
    expect(await r.counts()).toMatchObject({ up: 0, down: 0, onTablets: 1, unseen: 0, errorsTotal: 0 });
  });
});

/** A record naming the photo's digest with another size: a mistake, or a member who copied the digest. */
function misnaming(photo: Uint8Array, size: number): WireDoc {
  return submission('demo', {
    ...validAnswers('Copied digest'),
    door: { digest: sha(photo), mediaType: 'image/jpeg', size, name: 'copy.jpg' },
  });
}

describe('a record that names a file with another size does not stall it', { timeout: 60_000 }, () => {
  it('up: the file goes with the record that names the size its bytes have, whichever was seen last', async () => {
    const a = withPhoto(6000);
    const b = withPhoto(6500);
    const wrongA = misnaming(a.photo, 999);
    const wrongB = misnaming(b.photo, 998);
    // File a: the misnaming record comes after the right one (a member copying a digest they saw);
    // file b: before it.
    for (const d of [a.doc, wrongA, wrongB, b.doc]) await relayStore.mission('demo').writeReplicated([d]);
    await hq.store.mission('demo').writeReplicated([a.doc, wrongA, wrongB, b.doc]);
    for (const { photo } of [a, b])
      await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const r = replicator(upstream().up);
    expect((await r.pass()).up).toBe(2);
    for (const { photo } of [a, b]) {
      const atHq = await hq.store.attachments('demo').read(sha(photo));
      expect(atHq && sha(atHq.bytes)).toBe(sha(photo));
    }
    expect(await r.counts()).toMatchObject({ up: 0, errorsTotal: 0 });
  });

  it('down: the relay takes the size headquarters holds, not the one a record here names', async () => {
    const { doc, photo } = withPhoto(7000);
    const wrong = misnaming(photo, 50_000);
    await relayStore.mission('demo').writeReplicated([wrong]);
    await relayStore.mission('demo').writeReplicated([doc]);
    await hq.store.mission('demo').writeReplicated([doc, wrong]);
    await hq.store.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const r = replicator(upstream().up);
    expect((await r.pass()).down).toBe(1);
    const here = await relayStore.attachments('demo').read(sha(photo));
    expect(here && sha(here.bytes)).toBe(sha(photo));
    expect(await r.counts()).toMatchObject({ down: 0, errorsTotal: 0 });
  });

  it('with no record naming its size, it waits in words, sends nothing, and goes once such a record comes', async () => {
    const { doc, photo } = withPhoto(5000);
    const wrong = misnaming(photo, 4999);
    await relayStore.mission('demo').writeReplicated([wrong]);
    await hq.store.mission('demo').writeReplicated([wrong, doc]);
    await relayStore.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    let now = Date.parse('2026-12-03T10:00:00Z');
    const { up, seen } = upstream();
    const r = replicator(up, { now: () => now });
    expect(await r.pass()).toMatchObject({ up: 0, bytes: 0 });
    expect(seen.putBytes).toBe(0);
    const c = await r.counts();
    expect(c.errors[0]).toMatchObject({ record: wrong._id, code: null, attempts: 1 });
    expect(c.errors[0]!.reason).toMatch(/5000 bytes .* name it with 4999 bytes/);
    await relayStore.mission('demo').writeReplicated([doc]);
    now += 61_000;
    expect((await r.pass()).up).toBe(1);
    expect(seen.putBytes).toBe(photo.length);
    expect(await r.counts()).toMatchObject({ up: 0, errorsTotal: 0 });
  });
});

describe('headquarters’ file routes for a relay account', { timeout: 60_000 }, () => {
  it('refuses another mission, an unnamed file and wrong bytes, as for a tablet', async () => {
    const token = await hq.login('relay-a');
    const { doc, photo } = withPhoto(2000);
    await hq.store.mission('demo').writeReplicated([doc]);
    const put = (mission: string, body: Uint8Array, record = doc._id) =>
      hq.app.inject({
        method: 'PUT',
        url: `/api/missions/${mission}/attachments/${sha(photo)}?record=${encodeURIComponent(record)}`,
        headers: {
          ...bearer(token).headers,
          'content-type': 'application/octet-stream',
          'content-range': `bytes 0-${body.length - 1}/${photo.length}`,
        },
        payload: Buffer.from(body),
      });
    expect((await put('other', photo)).statusCode).toBe(403);
    const other = submission('demo', validAnswers('No photo'));
    await hq.store.mission('demo').writeReplicated([other]);
    expect((await put('demo', photo, other._id)).json().code).toBe('TERN_ATTACHMENT_NOT_REFERENCED');
    const wrong = new Uint8Array(photo);
    wrong[0] = wrong[0]! ^ 0xff;
    const res = await put('demo', wrong);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TERN_ATTACHMENT_DIGEST_MISMATCH');
    expect((await hq.store.attachments('demo').status(sha(photo))).received).toBe(0);
    const ok = await put('demo', photo);
    expect(ok.json()).toMatchObject({ complete: true, atHeadquarters: true });
  });

  it('answers a part with 206 and Content-Range, and a part past the end with TERN_ATTACHMENT_RANGE', async () => {
    const token = await hq.login('relay-a');
    const { doc, photo } = withPhoto(10_000);
    await hq.store.mission('demo').writeReplicated([doc]);
    await hq.store.attachments('demo').append(sha(photo), 0, photo.length, 'image/jpeg', photo);
    const get = (range: string) =>
      hq.app.inject({
        method: 'GET',
        url: `/api/missions/demo/attachments/${sha(photo)}`,
        headers: { ...bearer(token).headers, range },
      });
    const part = await get('bytes=100-199');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${photo.length}`);
    expect(Buffer.from(part.rawPayload).equals(Buffer.from(photo.subarray(100, 200)))).toBe(true);
    const past = await get(`bytes=${photo.length}-`);
    expect(past.statusCode).toBe(416);
    expect(past.json().code).toBe('TERN_ATTACHMENT_RANGE');
    // The refused part sent no byte: audited as failed with the header as asked, not as a read.
    const audit = await hq.store.system().list<{
      _id: string;
      action?: string;
      outcome?: string;
      details?: { digest?: string; range?: string };
    }>('audit:', {
      limit: 1000,
    });
    const reads = audit.filter((a) => a.action === 'attachment.read' && a.details?.digest === sha(photo));
    expect(reads.map((a) => [a.outcome, a.details?.range])).toEqual([
      ['ok', '100-199'],
      ['failed', `bytes=${photo.length}-`],
    ]);
    // An interviewer still reads no file, parts included.
    const iv = await hq.login('interviewer');
    const refused = await hq.app.inject({
      method: 'GET',
      url: `/api/missions/demo/attachments/${sha(photo)}`,
      headers: { ...bearer(iv).headers, range: 'bytes=0-9' },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('the relay’s own file routes (decision 229)', { timeout: 60_000 }, () => {
  it('vouches for headquarters only once headquarters acknowledged; an asked file not here says where it is', async () => {
    let files: FileReplicator | undefined;
    const relay = await testApp(['data_officer', 'interviewer'], {
      relayFiles: {
        atHeadquarters: (_m, d) => files!.atHeadquarters(d),
        ask: (_m, d) => files!.ask(d),
      },
    });
    try {
      files = new FileReplicator(relay.store, upstream().up, 'demo', {
        budgetBytes: 1 << 30,
        maxBytes: LIMIT,
        retryMs: 60_000,
        chunkBytes: 4096,
      });
      const mine = withPhoto(6000);
      const theirs = withPhoto(7000);
      await relay.store.mission('demo').writeReplicated([mine.doc, theirs.doc]);
      await hq.store.mission('demo').writeReplicated([mine.doc, theirs.doc]);
      await hq.store.attachments('demo').append(sha(theirs.photo), 0, 7000, 'image/jpeg', theirs.photo);
      const iv = await relay.login('interviewer');
      const officer = await relay.login('data_officer');
      // A tablet uploads its photo to the relay: held here, not yet at headquarters.
      const put = await relay.app.inject({
        method: 'PUT',
        url: `/api/missions/demo/attachments/${sha(mine.photo)}?record=${encodeURIComponent(mine.doc._id)}`,
        headers: {
          ...bearer(iv).headers,
          'content-type': 'application/octet-stream',
          'content-range': `bytes 0-5999/6000`,
        },
        payload: Buffer.from(mine.photo),
      });
      expect(put.json()).toMatchObject({ complete: true, atHeadquarters: false });
      const status = () =>
        relay.app.inject({
          method: 'GET',
          url: `/api/missions/demo/attachments/${sha(mine.photo)}/status`,
          ...bearer(iv),
        });
      // The officer asks for headquarters' photo before the relay looked: not known to be anywhere yet.
      await files.scan();
      const get = () =>
        relay.app.inject({
          method: 'GET',
          url: `/api/missions/demo/attachments/${sha(theirs.photo)}`,
          ...bearer(officer),
        });
      const early = await get();
      expect(early.statusCode).toBe(404);
      expect(early.json().code).toBe('TERN_ATTACHMENT_NOT_AT_RELAY');
      // An interviewer reads no file at the relay either (the same table as at headquarters).
      expect(
        (
          await relay.app.inject({
            method: 'GET',
            url: `/api/missions/demo/attachments/${sha(theirs.photo)}`,
            ...bearer(iv),
          })
        ).statusCode,
      ).toBe(403);
      await files.pass();
      expect((await status()).json()).toMatchObject({ complete: true, atHeadquarters: true });
      const late = await get();
      expect(late.statusCode).toBe(200);
      expect(sha(new Uint8Array(late.rawPayload))).toBe(sha(theirs.photo));
    } finally {
      await relay.close();
    }
  });
});
