import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../i18n/i18n.ts';
import { DeviceListResponse, fetchJson } from '@tern/api';
import type { DeviceStatus } from '@tern/api';
import { plainOfficerError } from './api.ts';

export type DeviceLine = DeviceStatus;

/**
 * The mission's sync picture for a data officer: every device the mission knows, when it last
 * synced and who was logged in, what it still held unsynced then, and how many of its records the
 * server rejected last time. A device that has not synced for long is the one to call.
 */
export function SyncPicture(props: { mission: string; thisDevice: string | null }) {
  const { t } = useTranslation('officer');
  const [devices, setDevices] = useState<DeviceLine[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    setError('');
    try {
      const { devices: list } = await fetchJson(
        `/api/missions/${encodeURIComponent(props.mission)}/devices`,
        {
          schema: DeviceListResponse,
        },
      );
      setDevices(list);
    } catch (e) {
      setError(plainOfficerError(e, t));
    } finally {
      setBusy(false);
    }
  }, [props.mission, t]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="officer-panel" aria-labelledby="sync-picture-title">
      <h2 id="sync-picture-title">{t('picture.title')}</h2>
      <button type="button" onClick={() => void load()} disabled={busy}>
        {t('picture.refresh')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {devices && devices.length === 0 && <p className="empty">{t('picture.none')}</p>}
      {devices && devices.length > 0 && (
        <table className="devices" aria-label={t('picture.table')} tabIndex={0}>
          <thead>
            <tr>
              <th>{t('picture.device')}</th>
              <th>{t('picture.lastSync')}</th>
              <th>{t('picture.by')}</th>
              <th>{t('picture.waiting')}</th>
              <th>{t('picture.rejected')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.deviceId} data-device={d.deviceId}>
                <td>
                  {formatNumber(d.number)}
                  {d.deviceId === props.thisDevice && ` (${t('picture.thisDevice')})`}
                </td>
                <td>{d.lastSyncAt ? formatDate(d.lastSyncAt) : t('picture.never')}</td>
                <td>{d.lastSyncBy ?? d.registeredBy}</td>
                <td data-col="waiting">{d.waiting === null ? '—' : formatNumber(d.waiting)}</td>
                <td>{formatNumber(d.lastRejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
