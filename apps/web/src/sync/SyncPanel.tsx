import { useEffect, useRef, useState } from 'react';
import type { TernDb } from '../device/db.ts';
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '@tern/sync';
import { formatBytes, formatDuration, formatNumber } from '../i18n/i18n.ts';
import { plainSyncError } from './plain-error.ts';
import { estimateSync } from './sync-estimate.ts';
import { NameDevice } from './NameDevice.tsx';
import { sendDeviceName } from './device-name.ts';

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
  // The run under way: stopped when this panel goes away (log out, lock), so no request of it is left
  // running, the page asked ahead included (decision 228).
  const running = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      running.current?.abort();
    },
    [],
  );

  const run = async () => {
    setStatus('running');
    setMessage('');
    started.current = performance.now();
    const controller = new AbortController();
    running.current = controller;
    try {
      // The sync machinery is a chunk of its own, fetched at the first sync (precached, so offline
      // too): the home screen and the forms do not wait for it (decision 190).
      const { runSync } = await import('./sync-run.ts');
      const { summary, files } = await runSync({
        db: props.db,
        mission: props.mission,
        dataKey: props.dataKey,
        device: props.device,
        account: props.account,
        onProgress: setProgress,
        onNamed: setNamed,
        onRetry: (attempt) => setMessage(t('retrying', { attempt, of: 3 })),
        signal: controller.signal,
      });
      setStatus('done');
      setMessage(
        t('done', { sent: summary.pushedDocs, received: summary.pulledDocs }) +
          (summary.rejected ? t('rejected', { n: summary.rejected }) : '') +
          (files.files > 0 ? t('filesSent', { n: files.files }) : '') +
          (files.waiting > 0 ? t('filesWaiting', { n: files.waiting }) : ''),
      );
    } catch (e) {
      // Stopped because the panel went away (log out, lock): nothing to show, nothing to refresh.
      if (controller.signal.aborted) return;
      setStatus('failed');
      setMessage(plainSyncError(e, t));
    } finally {
      if (running.current === controller) running.current = null;
      if (!controller.signal.aborted) props.onDone();
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
