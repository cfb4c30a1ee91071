import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import type { BackupFile } from './backup.ts';
import { formatBytes, formatDate, formatNumber } from '../i18n/i18n.ts';
import { unsyncedCount } from '../records/submissions.ts';
import type { RestoreReport } from './restore.ts';
import { storageNeedsAttention, storageStatus } from './storage-status.ts';
import type { StorageStatus } from './storage-status.ts';

/** Backup and restore themselves: a chunk of their own, fetched on first use (decision 216). */
const actions = () => import('./backup-actions.ts');

/**
 * "Device storage": whether the browser promised to keep Tern's data, how much room is left, how
 * many records exist only here — and the encrypted backup file, to make and to restore.
 */
export function DeviceStorage(props: {
  db: TernDb;
  username: string;
  /** Mission keys by mission. */
  keys: ReadonlyMap<string, CryptoKey>;
  /** Country profile keys by country: a backup's profile editions are restored with them. */
  profileKeys: ReadonlyMap<string, CryptoKey>;
  onRestored: () => void;
}) {
  const { t } = useTranslation('safety');
  const ids = useId();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [file, setFile] = useState<BackupFile | null>(null);
  const [message, setMessage] = useState('');
  const [report, setReport] = useState<RestoreReport | null>(null);

  const refresh = useCallback(async () => {
    setStatus(await storageStatus());
    setUnsynced(await unsyncedCount(props.db));
  }, [props.db]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const choose = async (f: File | undefined) => {
    setReport(null);
    setMessage('');
    if (!f) return;
    try {
      const m = await actions();
      try {
        setFile(m.parseBackup(await f.text()));
      } catch (e) {
        setFile(null);
        setMessage(e instanceof m.BackupFileError ? t('restore.badFile') : t('restore.failed'));
      }
    } catch {
      setFile(null);
      setMessage(t('restore.failed'));
    }
  };
  const restore = async () => {
    if (!file) return;
    try {
      const m = await actions();
      setReport(await m.restoreBackup(props.db, m.keysByScope(props.keys, props.profileKeys), file));
    } catch {
      setMessage(t('restore.failed'));
    }
    setFile(null);
    props.onRestored();
    void refresh();
  };

  const persisted =
    status === null
      ? ''
      : status.persisted === true
        ? t('storage.persisted')
        : status.persisted === false
          ? t('storage.notPersisted')
          : t('storage.unsupported');
  // Closed to one line unless something needs doing (or a restore is under way): see storageNeedsAttention.
  const attention =
    (status !== null && unsynced !== null && storageNeedsAttention(status, unsynced)) ||
    file !== null ||
    message !== '' ||
    report !== null;
  return (
    <section className="device-storage" aria-labelledby={`${ids}-title`}>
      <details open={attention || undefined} key={String(attention)}>
        <summary>
          <h2 id={`${ids}-title`}>{t('storage.title')}</h2>
          {unsynced !== null && (
            <span className="hint">{t('storage.summary', { n: formatNumber(unsynced) })}</span>
          )}
        </summary>
        <p data-persisted={String(status?.persisted ?? 'unknown')}>{persisted}</p>
        {status?.usage != null && status.quota != null && (
          <p>
            {t('storage.usage', {
              used: formatBytes(status.usage),
              quota: formatBytes(status.quota),
              free: formatBytes(Math.max(0, status.quota - status.usage)),
            })}
          </p>
        )}
        {unsynced !== null && <p>{t('storage.unsynced', { n: formatNumber(unsynced) })}</p>}
        <p className="hint">{t('backup.explain')}</p>
        <div className="backup-actions">
          <button
            type="button"
            onClick={() => void actions().then((m) => m.downloadBackup(props.db, props.username))}
          >
            {t('backup.downloadDevice')}
          </button>
          <label htmlFor={`${ids}-file`}>{t('restore.choose')}</label>
          <input
            id={`${ids}-file`}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
        {file && (
          <div className="confirm" role="alertdialog" aria-label={t('restore.confirmTitle')}>
            <p>
              {t('restore.confirm', {
                n: formatNumber(file.docs.length),
                user: file.username,
                date: file.createdAt ? formatDate(file.createdAt) : '—',
              })}
            </p>
            <button type="button" onClick={() => void restore()}>
              {t('restore.go')}
            </button>{' '}
            <button type="button" autoFocus onClick={() => setFile(null)}>
              {t('restore.cancel')}
            </button>
          </div>
        )}
        {(message || report) && (
          <p role="status" className="restore-result">
            {report
              ? t('restore.done', {
                  added: formatNumber(report.added),
                  replaced: formatNumber(report.replaced),
                  skipped: formatNumber(report.skipped),
                }) +
                (report.diverged ? ` ${t('restore.diverged', { n: formatNumber(report.diverged) })}` : '') +
                (report.unreadable
                  ? ` ${t('restore.unreadable', { n: formatNumber(report.unreadable) })}`
                  : '')
              : message}
          </p>
        )}
      </details>
    </section>
  );
}
