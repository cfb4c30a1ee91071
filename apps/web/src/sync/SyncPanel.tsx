import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRemote, syncOnce } from '@tern/sync';
import type { SyncProgress } from '@tern/sync';
import type { TernDb } from '../device/db.ts';
import { DexieSyncStorage } from '../device/local-store.ts';
import { formatBytes, formatDuration, formatNumber } from '../i18n/i18n.ts';
import { plainSyncError } from './plain-error.ts';
import { registerDevice } from '../cases/device-number.ts';
import { estimateSync } from './sync-estimate.ts';
import { uploadAttachments } from './upload-attachments.ts';
import { defaultDeviceName, isNamed, sendDeviceName } from './device-name.ts';
import { NameDevice } from './NameDevice.tsx';

/** "Sync now" with progress. Each batch is committed as it arrives, so a failure loses no finished batch. */
export function SyncPanel(props: {
  db: TernDb;
  mission: string;
  dataKey: CryptoKey;
  device: string;
  /** The account logged in: it joins the device before its first sync on it (decision 093). */
  account?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('sync');
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [status, setStatus] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [message, setMessage] = useState('');
  const started = useRef(0);
  // The name given at the first sync, offered for a change once (decision 165).
  const [named, setNamed] = useState<string | null>(null);

  const run = async () => {
    setStatus('running');
    setMessage('');
    started.current = performance.now();
    const storage = new DexieSyncStorage(props.db, props.mission, props.dataKey);
    const total = await storage.pendingCount();
    setProgress({
      pushedDocs: 0,
      pushedBytes: 0,
      pulledDocs: 0,
      rejected: 0,
      requests: 0,
      toPush: total,
      phase: 'idle',
      sendingDocs: 0,
      sendingBytes: 0,
      receivingDocs: 0,
      receivedBytes: 0,
      storingDocs: 0,
    });
    try {
      await registerDevice(props.db, props.mission, props.device, fetch, props.account);
      // The first sync names the device with a sensible default, then offers to change it: the sync
      // itself never waits for an answer. A refused name (a retired device) is told by the sync next.
      if (!(await isNamed(props.db, props.mission))) {
        const name = defaultDeviceName();
        const sent = await sendDeviceName(props.db, props.mission, props.device, name).then(
          () => true,
          () => false,
        );
        if (sent) setNamed(name);
      }
      const summary = await syncOnce(storage, fetchRemote(`/api/sync/${encodeURIComponent(props.mission)}`), {
        device: props.device,
        onProgress: setProgress,
        // Interactive sync: a few quick retries on a flaky link, none when the browser knows it is offline.
        retry: {
          retries: navigator.onLine ? 3 : 0,
          baseMs: 500,
          maxMs: 4000,
          onRetry: (attempt) => setMessage(t('retrying', { attempt, of: 3 })),
        },
      });
      // Then the files their answers name (photos…), chunk by chunk; a cut resumes at the next sync.
      const files = await uploadAttachments({
        db: props.db,
        mission: props.mission,
        key: props.dataKey,
        fetch: (url, init) => fetch(url, init),
      });
      setStatus('done');
      setMessage(
        t('done', { sent: summary.pushedDocs, received: summary.pulledDocs }) +
          (summary.rejected ? t('rejected', { n: summary.rejected }) : '') +
          (files.files > 0 ? t('filesSent', { n: files.files }) : '') +
          (files.waiting > 0 ? t('filesWaiting', { n: files.waiting }) : ''),
      );
    } catch (e) {
      setStatus('failed');
      setMessage(plainSyncError(e, t));
    } finally {
      props.onDone();
    }
  };

  const est = progress && estimateSync(progress, performance.now() - started.current);
  return (
    <section className="sync" aria-label={t('region')}>
      <button type="button" onClick={() => void run()} disabled={status === 'running'}>
        {status === 'running' ? t('running') : t('syncNow')}
      </button>
      {status === 'running' && est && (
        <span className="sync-progress">
          <progress aria-label={t('progress')} max={Math.max(1, est.total)} value={est.sent} />
          <span className="sync-detail" aria-live="polite" data-phase={est.phase}>
            {t('detail', {
              sent: formatNumber(est.sent),
              total: formatNumber(est.total),
              bytes: formatBytes(est.bytesSent),
            })}
            {est.phase === 'send' &&
              est.sending > 0 &&
              ` · ${t('sending', { bytes: formatBytes(est.sendingBytes) })}`}
            {(est.received > 0 || est.receivedBytes > 0) &&
              ` · ${t('receivedDetail', {
                received: formatNumber(est.received),
                bytes: formatBytes(est.receivedBytes),
              })}`}
            {est.phase === 'store' &&
              est.storingOf > 0 &&
              ` · ${t('storing', { n: formatNumber(est.storing), of: formatNumber(est.storingOf) })}`}
            {est.secondsLeft !== null &&
              est.secondsLeft > 0 &&
              ` · ${t('timeLeft', { time: formatDuration(est.secondsLeft) })}`}
          </span>
        </span>
      )}
      <span role="status" data-state={status}>
        {message}
      </span>
      {named !== null && status !== 'running' && (
        <NameDevice
          current={named}
          onName={(n) => sendDeviceName(props.db, props.mission, props.device, n)}
          onClose={() => setNamed(null)}
        />
      )}
    </section>
  );
}
