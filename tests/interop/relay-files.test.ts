import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { PROFILES, startShaper } from '../support/link-shaper.ts';
import type { LinkShaper } from '../support/link-shaper.ts';
import { bearerToken } from '../support/pouch-client.ts';
import {
  Tablet,
  createRelayAccount,
  loginWhenKnown,
  publishPhotoForm,
  readFile,
  relayCaughtUp,
  relaySyncNow,
  startRelay,
  uploadFile,
} from '../support/relay-stack.ts';
import { ulidFor } from '../support/sync-fixtures.ts';

/**
 * Issue 18, files of media answers through the mission relay (decisions 229–230), three real tiers:
 * headquarters (main.ts, LevelDB), a relay (main.ts in relay mode, its own LevelDB) reaching it
 * through the link shaper at 2G, and tablets on the loopback "LAN". Up: a photo a tablet uploads only
 * to the relay reaches headquarters although the link is cut mid-file — resumed, not restarted, held
 * once, the same sha-256 at tablet, relay and headquarters. Down: a photo headquarters holds comes to
 * the relay (cut mid-file too), and a data officer opens it at the relay with headquarters stopped.
 */
let hq: ServerHandle;
let relay: ServerHandle;
let link: LinkShaper;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface FilesStatus {
  error: string | null;
  missions: Array<{
    pendingUp: number | null;
    pendingDown: number | null;
    files: { up: number; down: number; onTablets: number; unseen: number; errorsTotal: number } | null;
  }>;
}

beforeAll(async () => {
  hq = await startServer({ env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' } });
  await createRelayAccount(hq.url);
  await publishPhotoForm(hq.url);
  link = await startShaper(hq.port, PROFILES['2g']);
  // Passes only when the test asks (and the first at start): the bytes on the link are the files'.
  relay = await startRelay(link.url, { TERN_RELAY_INTERVAL_S: '600' });
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  await link?.close();
  await hq?.stop();
});

/** A tablet's record with a photo, made by the interviewer. */
async function recordWithPhoto(t: Tablet, i: number, photo: Uint8Array): Promise<string> {
  const id = `sub:${ulidFor(90 + i, i)}`;
  await t.storage.save(id, {
    type: 'submission',
    mission: 'demo',
    form: 'visit@1',
    answers: {
      place: `Harbour ${i}`,
      door: { digest: sha(photo), mediaType: 'image/jpeg', size: photo.length, name: 'door.jpg' },
    },
    createdAt: '2026-12-03T10:00:00.000Z',
    createdBy: DEMO.interviewer.username,
    device: t.id,
  });
  return id;
}

/** Passes until no file is waiting either way, nothing in error and the last pass went through. */
async function filesSettled(url: string, token: string, ms: number): Promise<FilesStatus> {
  const deadline = Date.now() + ms;
  let last: FilesStatus | null = null;
  while (Date.now() < deadline) {
    last = (await relaySyncNow(url, token)) as unknown as FilesStatus;
    const m = last.missions[0]!;
    const f = m.files;
    if (
      last.error === null &&
      m.pendingDown === 0 &&
      f &&
      f.up + f.down + f.unseen + f.onTablets + f.errorsTotal === 0
    )
      return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the relay's files did not settle within ${ms} ms: ${JSON.stringify(last)}`);
}

describe('files of media answers through the relay (2G with cuts)', () => {
  it('up: a photo uploaded only to the relay reaches headquarters across a cut, once, digests equal', async () => {
    const iv = await loginWhenKnown(relay.url, DEMO.interviewer.username, DEMO.interviewer.password);
    const officer = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password);
    await relayCaughtUp(relay.url, officer, 120_000);

    const tablet = new Tablet('dev-files-a', 91);
    const photo = new Uint8Array(randomBytes(1_000_000));
    const id = await recordWithPhoto(tablet, 1, photo);
    await tablet.sync(relay.url, iv);
    const atRelay = await uploadFile(relay.url, iv, id, photo, sha(photo));
    // Held at the relay, and the relay does not vouch for headquarters yet (decision 229).
    expect(atRelay).toMatchObject({ complete: true, atHeadquarters: false });

    const before = link.snapshot();
    const cut = link.cutAfter('up', 600_000);
    const status = await filesSettled(relay.url, officer, 300_000);
    await cut;
    expect(link.stats.cuts).toBeGreaterThanOrEqual(1);
    expect(status.missions[0]!.pendingUp).toBe(0);
    const upBytes = link.stats.up.bytes - before.up.bytes;
    // Resumed where headquarters' bytes ended: at most one chunk again, never the whole file again.
    expect(upBytes).toBeLessThan(photo.length + 256 * 1024 + 150_000);
    expect(upBytes).toBeGreaterThanOrEqual(photo.length);

    const officerAtHq = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);
    const fromHq = await readFile(hq.url, officerAtHq, sha(photo));
    const fromRelay = await readFile(relay.url, officer, sha(photo));
    expect(fromHq.status).toBe(200);
    expect(sha(fromHq.bytes)).toBe(sha(photo));
    expect(sha(fromRelay.bytes)).toBe(sha(photo));
    // Held once at headquarters, exactly its size; the relay now vouches for it.
    const ivAtHq = await bearerToken(hq.url, DEMO.interviewer.username, DEMO.interviewer.password);
    const hqStatus = (await (
      await fetch(`${hq.url}/api/missions/demo/attachments/${sha(photo)}/status`, {
        headers: { authorization: `Bearer ${ivAtHq}` },
      })
    ).json()) as { received: number; size: number; complete: boolean };
    expect(hqStatus).toMatchObject({ received: photo.length, size: photo.length, complete: true });
    const again = await uploadFile(relay.url, iv, id, photo, sha(photo));
    expect(again).toMatchObject({ complete: true, atHeadquarters: true });
    console.log(
      `relay → HQ on ${link.profile.name}: a ${photo.length}-byte photo with ${link.stats.cuts} cut(s), ${upBytes} bytes up`,
    );
  }, 400_000);

  it('down: a photo headquarters holds comes to the relay across a cut; opened there with headquarters stopped', async () => {
    const ivAtHq = await bearerToken(hq.url, DEMO.interviewer.username, DEMO.interviewer.password);
    const officer = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password);
    const iv = await loginWhenKnown(relay.url, DEMO.interviewer.username, DEMO.interviewer.password);
    // A tablet that synced straight with headquarters (an interviewer who travelled there).
    const tablet = new Tablet('dev-files-hq', 92);
    const photo = new Uint8Array(randomBytes(800_000));
    const id = await recordWithPhoto(tablet, 2, photo);
    await tablet.sync(hq.url, ivAtHq);
    expect(await uploadFile(hq.url, ivAtHq, id, photo, sha(photo))).toMatchObject({
      complete: true,
      atHeadquarters: true,
    });

    const before = link.snapshot();
    const cut = link.cutAfter('down', 400_000);
    await filesSettled(relay.url, officer, 300_000);
    await cut;
    const downBytes = link.stats.down.bytes - before.down.bytes;
    expect(downBytes).toBeLessThan(photo.length + 256 * 1024 + 150_000);
    link.disarm();

    await hq.stop();
    const down = await relaySyncNow(relay.url, officer);
    expect(down.error).toMatch(/cannot be reached/);
    // The data officer's device opens the photo at the relay; headquarters is gone.
    const opened = await readFile(relay.url, officer, sha(photo));
    expect(opened.status).toBe(200);
    expect(sha(opened.bytes)).toBe(sha(photo));
    // The same permissions as at headquarters: an interviewer's device reads no one's files.
    expect((await readFile(relay.url, iv, sha(photo))).status).toBe(403);
    // The page says what waits, in the officer's language.
    const page = await fetch(`${relay.url}/relay`, {
      headers: { authorization: `Bearer ${officer}`, 'accept-language': 'ru' },
    });
    const html = await page.text();
    expect(html).toContain('Файлы, ожидающие отправки в штаб-квартиру');
    console.log(`HQ → relay on ${link.profile.name}: a ${photo.length}-byte photo, ${downBytes} bytes down`);
  }, 400_000);
});
