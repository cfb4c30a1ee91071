import { fetchRemote, syncOnce } from '@tern/sync';
import type { SyncProgress, SyncSummary } from '@tern/sync';
import type { TernDb } from '../device/db.ts';
import { DexieSyncStorage } from '../device/local-store.ts';
import { registerDevice } from '../cases/device-number.ts';
import { uploadAttachments } from './upload-attachments.ts';
import { defaultDeviceName, isNamed, sendDeviceName } from './device-name.ts';

/**
 * One "Sync now": join the device to the mission, name it at its first sync, run the replicator, then
 * upload the files the records name. A module of its own, loaded when the user first syncs, so the
 * interviewer's first download does not carry the sync machinery (decision 190). Each batch is
 * committed as it arrives, so a failure loses no finished batch.
 */
export async function runSync(args: {
  db: TernDb;
  mission: string;
  dataKey: CryptoKey;
  device: string;
  account?: string;
  onProgress: (p: SyncProgress) => void;
  /** The device was given this default name at its first sync (offered for a change: decision 165). */
  onNamed: (name: string) => void;
  onRetry: (attempt: number) => void;
  /**
   * Aborted when the sync screen goes away (the user logs out or locks the app): the requests in
   * flight, a page asked ahead included, are given up; a page being written is finished first
   * (decision 228).
   */
  signal?: AbortSignal;
}): Promise<{ summary: SyncSummary; files: Awaited<ReturnType<typeof uploadAttachments>> }> {
  const storage = new DexieSyncStorage(args.db, args.mission, args.dataKey);
  args.onProgress({
    pushedDocs: 0,
    pushedBytes: 0,
    pulledDocs: 0,
    rejected: 0,
    requests: 0,
    toPush: await storage.pendingCount(),
    phase: 'idle',
    sendingDocs: 0,
    sendingBytes: 0,
    receivingDocs: 0,
    receivedBytes: 0,
    storingDocs: 0,
  });
  await registerDevice(args.db, args.mission, args.device, fetch, args.account);
  // The first sync names the device with a sensible default, then offers to change it: the sync
  // itself never waits for an answer. A refused name (a retired device) is told by the sync next.
  if (!(await isNamed(args.db, args.mission))) {
    const name = defaultDeviceName();
    const sent = await sendDeviceName(args.db, args.mission, args.device, name).then(
      () => true,
      () => false,
    );
    if (sent) args.onNamed(name);
  }
  const summary = await syncOnce(storage, fetchRemote(`/api/sync/${encodeURIComponent(args.mission)}`), {
    device: args.device,
    onProgress: args.onProgress,
    // A browser tells nothing while one request is sent: batches of about 0.75 s of sending on the
    // link as measured, so "records sent" moves at least once a second on a slow link (decision 191).
    batchSeconds: 0.75,
    // The next page is asked for while the last is sealed and stored (decision 219): on a LAN the
    // server's reading and the device's writing overlap instead of taking turns.
    pullAhead: true,
    ...(args.signal ? { signal: args.signal } : {}),
    // The first page small (the device starts storing sooner), then doubling up to 5,000 a page.
    firstPullLimit: 500,
    // Interactive sync: a few quick retries on a flaky link, none when the browser knows it is offline.
    retry: { retries: navigator.onLine ? 3 : 0, baseMs: 500, maxMs: 4000, onRetry: args.onRetry },
  });
  args.signal?.throwIfAborted();
  // Then the files their answers name (photos…), chunk by chunk; a cut resumes at the next sync.
  const files = await uploadAttachments({
    db: args.db,
    mission: args.mission,
    key: args.dataKey,
    fetch: (url, init) => fetch(url, init),
  });
  return { summary, files };
}
