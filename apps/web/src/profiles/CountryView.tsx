import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextEdition } from '@tern/profiles';
import type { ProfileBody, ProfileRole } from '@tern/profiles';
import type { TernDb } from '../device/db.ts';
import { deviceId } from '../device/device-id.ts';
import { plainSyncError } from '../sync/plain-error.ts';
import { localEditions, saveEdition, syncCountry } from './profile-store.ts';
import type { LocalEdition } from './profile-store.ts';
import type { CountrySummary } from './profiles-api.ts';
import { EditionView } from './EditionView.tsx';
import { DiffView } from './DiffView.tsx';
import { problemText } from './problem-text.ts';

/** One country: sync, its editions on this device, the next edition, a diff between two editions. */
export function CountryView(props: {
  db: TernDb;
  dataKey: CryptoKey;
  summary: CountrySummary;
  username: string;
}) {
  const { t } = useTranslation('profiles');
  const { t: ts } = useTranslation('sync');
  const { db, dataKey, summary } = props;
  const country = summary.country;
  const roles: ProfileRole[] = summary.roles;
  const [editions, setEditions] = useState<LocalEdition[] | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [device, setDevice] = useState<string | null>(null);
  const [syncState, setSyncState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [syncMessage, setSyncMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ from: number; to: number } | null>(null);

  const reload = useCallback(async () => {
    const list = await localEditions(db, dataKey, country);
    setEditions(list);
    setShown((s) =>
      s !== null && list.some((e) => e.doc.edition.number === s)
        ? s
        : (list.at(-1)?.doc.edition.number ?? null),
    );
  }, [db, dataKey, country]);
  useEffect(() => {
    void reload();
    void deviceId(db).then(setDevice);
  }, [db, reload]);

  const sync = async () => {
    if (!device) return;
    setSyncState('running');
    setSyncMessage('');
    try {
      const s = await syncCountry(db, dataKey, country, device);
      setSyncState('done');
      setSyncMessage(
        t('synced', { sent: s.pushedDocs, received: s.pulledDocs }) +
          (s.rejected ? ` ${t('syncRejected', { n: s.rejected })}` : ''),
      );
    } catch (e) {
      setSyncState('failed');
      setSyncMessage(plainSyncError(e, ts));
    }
    await reload();
  };

  const latest = editions?.at(-1);
  const startNext = async () => {
    if (!latest || !device) return;
    setProblem(null);
    try {
      const next: ProfileBody = nextEdition(latest.doc, {
        by: props.username,
        at: new Date().toISOString(),
        device,
      });
      await saveEdition(db, dataKey, next, undefined);
      await reload();
      setShown(next.edition.number);
    } catch (e) {
      setProblem(problemText(e, t));
    }
  };
  const current = editions?.find((e) => e.doc.edition.number === shown);

  return (
    <section className="profile-country" aria-labelledby="profile-country-title">
      <h2 id="profile-country-title">{t('countryTitle', { name: summary.name, code: country })}</h2>
      <div className="profile-sync" role="group" aria-label={t('syncRegion')}>
        <button type="button" onClick={() => void sync()} disabled={syncState === 'running' || !device}>
          {syncState === 'running' ? t('syncing') : t('sync')}
        </button>
        <span role="status" data-state={syncState}>
          {syncMessage}
        </span>
      </div>
      {editions !== null && editions.length === 0 && <p className="hint">{t('noEditionsHere')}</p>}
      {editions && editions.length > 0 && (
        <div className="profile-editions">
          <label>
            {t('edition')}{' '}
            <select value={shown ?? ''} onChange={(e) => setShown(Number(e.target.value))}>
              {editions.map((e) => (
                <option key={e.id} value={e.doc.edition.number}>
                  {t('editionOption', {
                    n: e.doc.edition.number,
                    status: t(`status.${e.doc.edition.status}`),
                  })}
                  {e.pending ? ` · ${t('notSynced')}` : ''}
                </option>
              ))}
            </select>
          </label>
          {latest && latest.doc.edition.status === 'published' && roles.includes('team') && (
            <button type="button" onClick={() => void startNext()}>
              {t('startNext', { n: latest.doc.edition.number + 1 })}
            </button>
          )}
          {editions.length > 1 && (
            <button
              type="button"
              onClick={() =>
                setDiff({
                  from: editions.at(-2)!.doc.edition.number,
                  to: editions.at(-1)!.doc.edition.number,
                })
              }
            >
              {t('diff.open')}
            </button>
          )}
        </div>
      )}
      {problem && (
        <p role="alert" className="profile-problem">
          {problem}
        </p>
      )}
      {diff && editions && (
        <DiffView
          editions={editions}
          from={diff.from}
          to={diff.to}
          onChange={setDiff}
          onClose={() => setDiff(null)}
        />
      )}
      {current && device && (
        <EditionView
          key={current.id}
          db={db}
          dataKey={dataKey}
          edition={current}
          roles={roles}
          username={props.username}
          device={device}
          onSaved={reload}
        />
      )}
    </section>
  );
}
