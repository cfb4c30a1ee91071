import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DeviceStatus } from '@tern/api';
import { formatDate, formatNumber } from '../i18n/i18n.ts';
import { adminApi } from './admin-api.ts';
import { Note } from './Note.tsx';
import { useAct, useAdminData } from './use-admin-data.ts';

/** A device as people name it: its chosen name, else its number in the mission. */
export const deviceLabel = (d: Pick<DeviceStatus, 'name' | 'number'>, t: TFunction<'admin'>) =>
  d.name ?? t('devices.numbered', { number: formatNumber(d.number) });

/**
 * A mission's devices: name, last sync and who synced; rename; retire (its next sync is refused with
 * TERN_DEVICE_RETIRED and its user is told to sign in on a registered device; decision 165).
 */
export function DevicesPanel(props: { isAdmin: boolean; myMissions: string[] }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const missions = useAdminData(
    async () =>
      props.isAdmin
        ? (await adminApi.missions()).missions.map((m) => ({ id: m.id, name: m.name }))
        : props.myMissions.map((m) => ({ id: m, name: m })),
    [props.isAdmin, props.myMissions],
  );
  const [chosen, setChosen] = useState('');
  const mission = chosen || missions.value?.[0]?.id || '';
  const list = useAdminData(
    async () => (mission ? (await adminApi.devices(mission)).devices : []),
    [mission],
  );
  // A browser that signed in (and got a number for case codes) but never synced or was named is not a
  // device anyone manages yet: counted, not listed (decision 165).
  const all = list.value ?? [];
  const shown = all.filter((d) => d.lastSyncAt !== null || d.name !== null || d.retired);
  return (
    <section aria-labelledby={`${id}-h`} className="admin-panel">
      <h2 id={`${id}-h`}>{t('devices.title')}</h2>
      <div className="admin-filters">
        <label>
          {t('filter.mission')}
          <select value={mission} onChange={(e) => setChosen(e.target.value)}>
            {(missions.value ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Note error={list.error || missions.error} />
      {list.value && shown.length === 0 && <p>{t('devices.none')}</p>}
      {all.length > shown.length && (
        <p className="hint">{t('devices.hidden', { count: all.length - shown.length })}</p>
      )}
      <ul className="admin-cards" aria-label={t('devices.list')}>
        {shown.map((d) => (
          <DeviceRow key={d.deviceId} mission={mission} device={d} onChanged={() => void list.reload()} />
        ))}
      </ul>
    </section>
  );
}

function DeviceRow(props: { mission: string; device: DeviceStatus; onChanged: () => void }) {
  const { t } = useTranslation('admin');
  const d = props.device;
  const id = useId();
  const [name, setName] = useState(d.name ?? '');
  const [confirming, setConfirming] = useState(false);
  const { busy, note, act } = useAct();
  const label = deviceLabel(d, t);
  return (
    <li data-device={d.deviceId} className={d.retired ? 'retired' : undefined}>
      <strong>{label}</strong> <span className="meta">#{formatNumber(d.number)}</span>
      {d.retired && <span className="badge"> {t('devices.retired')}</span>}
      <div>
        {d.lastSyncAt
          ? t('devices.lastSync', { date: formatDate(d.lastSyncAt), user: d.lastSyncBy ?? d.registeredBy })
          : t('devices.neverSynced', { user: d.registeredBy })}
      </div>
      {!d.retired && (
        <>
          <form
            className="admin-inline"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void act(
                () => adminApi.changeDevice(props.mission, d.deviceId, { name }),
                t('devices.renamed', { name: name.trim() }),
              ).then((ok) => ok && props.onChanged());
            }}
          >
            <label htmlFor={`${id}-n`}>{t('devices.name')}</label>
            <input
              id={`${id}-n`}
              value={name}
              required
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" disabled={busy}>
              {t('devices.rename')}
            </button>
          </form>
          {confirming ? (
            <div className="confirm" role="group" aria-label={t('devices.retire')}>
              <p>{t('devices.retireExplain', { name: label })}</p>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(
                    () => adminApi.changeDevice(props.mission, d.deviceId, { retired: true }),
                    t('devices.wasRetired', { name: label }),
                  ).then((ok) => {
                    setConfirming(false);
                    if (ok) props.onChanged();
                  })
                }
              >
                {t('devices.retireConfirm', { name: label })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('devices.retire')}
            </button>
          )}
        </>
      )}
      <Note note={note} />
    </li>
  );
}
