import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/i18n.ts';
import { adminApi } from './admin-api.ts';
import type { AuditEntry, AuditFilter } from './admin-api.ts';
import { Note } from './Note.tsx';
import { useAdminData } from './use-admin-data.ts';
import { plainError } from './use-admin-data.ts';

/** Actions with words of their own; any other shows as its code. */
export const KNOWN_ACTIONS = [
  'login',
  'logout',
  'user.create',
  'user.update',
  'mission.create',
  'mission.rename',
  'form.publish',
  'form.retire',
  'device.register',
  'device.rename',
  'device.retire',
  'sync.push',
  'sync.pull',
  'export',
  'conflict.resolve',
  'audit.read',
] as const;

/**
 * The audit log: filter by who, action, mission and dates; page on (the server pages newest first).
 * Rows read as sentences with mission and device names, ids only where there is no name.
 */
export function AuditPanel() {
  const { t } = useTranslation('admin');
  const id = useId();
  const [draft, setDraft] = useState<AuditFilter>({});
  const [pages, setPages] = useState<{ entries: AuditEntry[]; cursor: string | null } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const names = useAdminData(async () => {
    const { missions } = await adminApi.missions();
    const devices = new Map<string, string>();
    // Device names of every mission: a row names the device, not `dev-01J…` (bounded: one list per mission).
    const lists = await Promise.all(
      missions.map((m) => adminApi.devices(m.id).catch(() => ({ devices: [] }))),
    );
    for (const l of lists) for (const d of l.devices) devices.set(d.deviceId, d.name ?? `#${d.number}`);
    return { missions: new Map(missions.map((m) => [m.id, m.name])), devices };
  }, []);

  const load = async (more: boolean) => {
    setBusy(true);
    setError('');
    try {
      const page = await adminApi.audit(draft, more ? (pages?.cursor ?? null) : null);
      setPages(more && pages ? { entries: [...pages.entries, ...page.entries], cursor: page.cursor } : page);
    } catch (e) {
      setError(plainError(e));
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof AuditFilter) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value.trim() || undefined });
  const missionName = (m: string | null) => (m ? (names.value?.missions.get(m) ?? m) : t('audit.noMission'));
  const deviceName = (d: unknown) => (typeof d === 'string' ? (names.value?.devices.get(d) ?? d) : undefined);

  return (
    <section aria-labelledby={`${id}-h`} className="admin-panel">
      <h2 id={`${id}-h`}>{t('audit.title')}</h2>
      <form
        className="admin-filters"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void load(false);
        }}
      >
        <label>
          {t('audit.who')}
          <input value={draft.actor ?? ''} onChange={set('actor')} autoComplete="off" />
        </label>
        <label>
          {t('audit.action')}
          <select value={draft.action ?? ''} onChange={set('action')}>
            <option value="">{t('filter.any')}</option>
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`action.${a.replace('.', '-')}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.mission')}
          <select value={draft.mission ?? ''} onChange={set('mission')}>
            <option value="">{t('filter.any')}</option>
            {[...(names.value?.missions ?? [])].map(([mid, name]) => (
              <option key={mid} value={mid}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input type="date" value={draft.from ?? ''} onChange={set('from')} />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" value={draft.to ?? ''} onChange={set('to')} />
        </label>
        <button type="submit" disabled={busy}>
          {t('audit.show')}
        </button>
      </form>
      <Note error={error || names.error} />
      {pages && pages.entries.length === 0 && <p>{t('audit.none')}</p>}
      {pages && pages.entries.length > 0 && (
        <ol className="admin-cards audit" aria-label={t('audit.list')}>
          {pages.entries.map((e) => (
            <li key={e.id} data-action={e.action} className={e.outcome === 'ok' ? undefined : 'denied'}>
              <time dateTime={e.at}>{formatDate(e.at)}</time> ·{' '}
              <strong>{e.actor ?? t('audit.nobody')}</strong>{' '}
              {(KNOWN_ACTIONS as readonly string[]).includes(e.action)
                ? t(`action.${e.action.replace('.', '-')}`)
                : e.action}{' '}
              · {missionName(e.mission)}
              {e.outcome !== 'ok' && <span className="badge"> {t(`audit.outcome.${e.outcome}`)}</span>}
              <Details details={e.details} deviceName={deviceName} />
            </li>
          ))}
        </ol>
      )}
      {pages?.cursor && (
        <button type="button" disabled={busy} onClick={() => void load(true)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}

function Details(props: {
  details: Record<string, unknown> | undefined;
  deviceName: (d: unknown) => string | undefined;
}) {
  const { t } = useTranslation('admin');
  const d = props.details;
  if (!d) return null;
  const parts = Object.entries(d)
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
    .map(
      ([k, v]) =>
        `${k === 'device' ? t('audit.device') : k}: ${k === 'device' ? props.deviceName(v) : String(v)}`,
    );
  return parts.length > 0 ? <div className="meta">{parts.join(' · ')}</div> : null;
}
