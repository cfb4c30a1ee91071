/**
 * Files of media answers through a mission relay on a shaped 2G link (decisions 229–230), every part a
 * real process (headquarters, the relay, the link shaper):
 *
 *   node scripts/run-ts.mjs tests/bench/relay-files.bench.ts [-- --files 4 --kb 1000 --profile 2g]
 *
 * Up. Relay: a tablet uploads files to the relay on the (unshaped) LAN; the relay carries them to
 * headquarters through the shaped link, timed from the first "sync now" until none waits. Baseline: as
 * many other files of the same size uploaded by a tablet straight to headquarters through the same
 * link, as the app does (status, then 256 KiB chunks).
 * Down. Relay: the baseline's files, now at headquarters, come to the relay in 256 KiB parts, timed
 * until none waits. Baseline: a data officer reads the relay's files from headquarters through the
 * link, whole. Digests are checked equal at the relay and headquarters for every file.
 * Prints seconds, kB/s of file bytes, the link's own bound (bytes × 8 / rate) and relay ÷ baseline.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
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

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const FILES = Number(arg('files') ?? 4);
const BYTES = Number(arg('kb') ?? 1000) * 1000;
const PROFILE = PROFILES[(arg('profile') ?? '2g') as keyof typeof PROFILES];
if (!PROFILE) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const started: ServerHandle[] = [];
let link: LinkShaper | null = null;

interface Batch {
  tablet: Tablet;
  files: Array<{ id: string; bytes: Uint8Array<ArrayBuffer> }>;
}

/** `FILES` records with a photo each, on a new tablet (run numbers keep ids apart between batches). */
async function batch(run: number): Promise<Batch> {
  const tablet = new Tablet(`dev-bench-files-${run}`, run);
  const files: Batch['files'] = [];
  for (let i = 0; i < FILES; i++) {
    const bytes = new Uint8Array(randomBytes(BYTES));
    const id = `sub:${ulidFor(run, i)}`;
    await tablet.storage.save(id, {
      type: 'submission',
      mission: 'demo',
      form: 'visit@1',
      answers: {
        place: `Bench ${run}-${i}`,
        door: { digest: sha(bytes), mediaType: 'image/jpeg', size: bytes.length, name: 'door.jpg' },
      },
      createdAt: '2026-12-03T10:00:00.000Z',
      createdBy: DEMO.interviewer.username,
      device: tablet.id,
    });
    files.push({ id, bytes });
  }
  return { tablet, files };
}

interface Waiting {
  error: string | null;
  missions: Array<{ files: { up: number; down: number; unseen: number; errorsTotal: number } | null }>;
}

/** "Sync now" at the relay until no file waits either way; seconds from the first. */
async function relayMoves(relayUrl: string, token: string, what: 'up' | 'down'): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const s = (await relaySyncNow(relayUrl, token)) as unknown as Waiting;
    const f = s.missions[0]?.files;
    if (f && f.errorsTotal > 0) throw new Error(`a file could not move: ${JSON.stringify(s)}`);
    if (s.error === null && f && f[what] === 0 && f.unseen === 0) return (performance.now() - t0) / 1000;
  }
  throw new Error('the relay did not finish');
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(
    `relay files bench: ${FILES} file(s) of ${BYTES} bytes, link ${PROFILE.name} (${PROFILE.upBps / 1000} kbit/s up, ${PROFILE.downBps / 1000} kbit/s down, RTT ${PROFILE.rttMs} ms); load ${load()}`,
  );
  const hq = await startServer({
    env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' },
    startTimeoutMs: 120_000,
  });
  started.push(hq);
  await createRelayAccount(hq.url);
  await publishPhotoForm(hq.url);
  link = await startShaper(hq.port, PROFILE);
  const relay = await startRelay(link.url, { TERN_RELAY_INTERVAL_S: '3600', TERN_RELAY_RETRY_S: '1' });
  started.push(relay);
  const officer = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password, 180_000);
  const ivRelay = await loginWhenKnown(relay.url, DEMO.interviewer.username, DEMO.interviewer.password);
  await relayCaughtUp(relay.url, officer, 180_000);
  const ivHq = await bearerToken(hq.url, DEMO.interviewer.username, DEMO.interviewer.password);
  const officerHq = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);
  const total = FILES * BYTES;

  // Up, through the relay: records and files to the relay on the LAN, then the relay's passes.
  const viaRelay = await batch(202);
  await viaRelay.tablet.sync(relay.url, ivRelay);
  for (const f of viaRelay.files) await uploadFile(relay.url, ivRelay, f.id, f.bytes, sha(f.bytes));
  const upRelay = await relayMoves(relay.url, officer, 'up');

  // Up, baseline: other records straight to headquarters (unshaped), their files through the link.
  const direct = await batch(201);
  await direct.tablet.sync(hq.url, ivHq);
  let t0 = performance.now();
  for (const f of direct.files) await uploadFile(link.url, ivHq, f.id, f.bytes, sha(f.bytes));
  const upBase = (performance.now() - t0) / 1000;

  // Down, through the relay: the files the baseline just put at headquarters.
  const downRelay = await relayMoves(relay.url, officer, 'down');

  // Down, baseline: an officer reads the relay's files from headquarters through the link, whole.
  t0 = performance.now();
  for (const f of viaRelay.files) {
    const got = await readFile(link.url, officerHq, sha(f.bytes));
    if (sha(got.bytes) !== sha(f.bytes)) throw new Error('baseline read: bytes differ');
  }
  const downBase = (performance.now() - t0) / 1000;

  for (const f of [...viaRelay.files, ...direct.files]) {
    const here = await readFile(relay.url, officer, sha(f.bytes));
    const there = await readFile(hq.url, officerHq, sha(f.bytes));
    if (sha(here.bytes) !== sha(f.bytes) || sha(there.bytes) !== sha(f.bytes))
      throw new Error('digests differ between the relay and headquarters');
  }

  const kbs = (s: number) => (total / 1000 / s).toFixed(1);
  const boundUp = (total * 8) / PROFILE.upBps;
  const boundDown = (total * 8) / PROFILE.downBps;
  const row = (name: string, s: number, bound: number, base: number | null) =>
    `| ${name.padEnd(42)} | ${s.toFixed(1).padStart(7)} | ${kbs(s).padStart(6)} | ${(bound / s).toFixed(2).padStart(13)} | ${base === null ? '     (baseline)' : (s / base).toFixed(2).padStart(15)} |`;
  console.log(`\n${FILES} × ${BYTES} bytes = ${total} bytes each way; load after: ${load()}`);
  console.log(
    '| run                                        |       s |   kB/s | link bound ÷ s |  ÷ baseline (s) |',
  );
  console.log(
    '| ------------------------------------------ | ------: | -----: | -------------: | --------------: |',
  );
  console.log(row('up: tablet straight to HQ over the link', upBase, boundUp, null));
  console.log(row('up: tablet → relay (LAN) → HQ (link)', upRelay, boundUp, upBase));
  console.log(row('down: officer reads from HQ over the link', downBase, boundDown, null));
  console.log(row('down: HQ → relay (link), 256 KiB parts', downRelay, boundDown, downBase));
  console.log('digests equal at the relay and headquarters for every file');
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await link?.close();
    for (const s of started.reverse()) {
      await s.stop().catch(() => undefined);
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });
