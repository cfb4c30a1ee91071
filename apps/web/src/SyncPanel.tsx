import { useState } from 'react';
import { SyncHttpError, fetchRemote, syncOnce } from '@tern/sync';
import type { SyncProgress } from '@tern/sync';
import type { TernDb } from './db.ts';
import { DexieSyncStorage } from './local-store.ts';

function plainError(e: unknown): string {
  if (e instanceof SyncHttpError && e.status === 401)
    return 'The server needs you to log in again (your session ended or you logged in offline). Lock, then log in while online; nothing was lost.';
  if (e instanceof SyncHttpError) return `The server refused the sync (${e.status} ${e.code}): ${e.message}`;
  if (e instanceof TypeError)
    return 'Could not reach the server. Check the connection and try again; nothing was lost.';
  return `Sync failed: ${(e as Error).message}. Nothing was lost; try again.`;
}

/** "Sync now" with progress. Each batch is committed as it arrives, so a failure loses no finished batch. */
export function SyncPanel(props: {
  db: TernDb;
  mission: string;
  dataKey: CryptoKey;
  device: string;
  onDone: () => void;
}) {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [status, setStatus] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [message, setMessage] = useState('');

  const run = async () => {
    setStatus('running');
    setMessage('');
    const storage = new DexieSyncStorage(props.db, props.mission, props.dataKey);
    const total = await storage.pendingCount();
    setProgress({ pushedDocs: 0, pushedBytes: 0, pulledDocs: 0, rejected: 0, requests: 0, toPush: total });
    try {
      const summary = await syncOnce(storage, fetchRemote(`/api/sync/${encodeURIComponent(props.mission)}`), {
        device: props.device,
        onProgress: setProgress,
        // Interactive sync: a few quick retries on a flaky link, none when the browser knows it is offline.
        retry: {
          retries: navigator.onLine ? 3 : 0,
          baseMs: 500,
          maxMs: 4000,
          onRetry: (attempt) => setMessage(`Connection problem, retrying (${attempt} of 3)…`),
        },
      });
      setStatus('done');
      setMessage(
        `Sync complete: ${summary.pushedDocs} sent, ${summary.pulledDocs} received` +
          (summary.rejected ? `, ${summary.rejected} rejected (see the list)` : ''),
      );
    } catch (e) {
      setStatus('failed');
      setMessage(plainError(e));
    } finally {
      props.onDone();
    }
  };

  return (
    <section className="sync" aria-label="Synchronisation">
      <button type="button" onClick={() => void run()} disabled={status === 'running'}>
        {status === 'running' ? 'Syncing…' : 'Sync now'}
      </button>
      {status === 'running' && progress && (
        <progress
          aria-label="Sync progress"
          max={Math.max(1, progress.pushedDocs + progress.toPush)}
          value={progress.pushedDocs}
        />
      )}
      <span role="status" data-state={status}>
        {message}
      </span>
    </section>
  );
}
