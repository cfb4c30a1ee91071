import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from './db.ts';
import { LanguagePicker } from './i18n/LanguagePicker.tsx';
import { FormPage } from './form/FormPage.tsx';
import { RecordList } from './RecordList.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { download, encryptedBackup } from './backup.ts';
import { deviceId, listRecords, unsyncedCount } from './records.ts';
import type { OpenRow } from './records.ts';
import type { Unlocked } from './keyring.ts';
import { CasesHome } from './cases/CasesHome.tsx';
import { dropCaseIndexes } from './cases/case-index.ts';
import { useDeviceRegistration } from './cases/use-case-index.ts';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function App(props: {
  db: TernDb;
  mission: string;
  user: Unlocked;
  dataKey: CryptoKey;
  updateReady: (() => void) | null;
  onLock: () => void;
  onLogout: () => Promise<void>;
}) {
  const { db, mission, user, dataKey } = props;
  const [view, setView] = useState<'list' | 'new' | 'cases'>('list');
  const [rows, setRows] = useState<OpenRow[] | null>(null);
  const [device, setDevice] = useState<string | null>(null);
  const [logoutBlocked, setLogoutBlocked] = useState(0);
  const online = useOnline();
  const { t } = useTranslation();
  // Case codes need this device's number in the mission: ask once online (cases/device-number.ts).
  useDeviceRegistration(db, mission, online);
  // Decrypted case names live only while unlocked: locking or logging out unmounts the app.
  useEffect(() => dropCaseIndexes, []);

  const refresh = useCallback(
    async () => setRows(await listRecords(db, dataKey, mission)),
    [db, dataKey, mission],
  );
  useEffect(() => {
    void refresh();
    void deviceId(db).then(setDevice);
  }, [db, refresh]);

  const logout = async () => {
    // Unsynced records exist only here: refuse, and offer an encrypted copy.
    const unsynced = await unsyncedCount(db);
    if (unsynced > 0) {
      setLogoutBlocked(unsynced);
      return;
    }
    await props.onLogout();
  };

  return (
    <div className="app">
      <header>
        <h1>{t('appName')}</h1>
        <span className="mission">{t('mission', { mission })}</span>
        <span className="user">
          {user.username} ({user.role.replace('_', ' ')})
        </span>
        <span className={online ? 'online' : 'offline'} role="note">
          {online ? t('online') : t('offline')}
        </span>
        <LanguagePicker />
        <button type="button" onClick={props.onLock}>
          {t('lock')}
        </button>
        <button type="button" onClick={() => void logout()}>
          {t('logout')}
        </button>
      </header>
      {logoutBlocked > 0 && (
        <div className="logout-blocked" role="alert">
          You cannot log out yet: {logoutBlocked} record{logoutBlocked === 1 ? ' is' : 's are'} not synced and
          exist only on this device. Sync first, or download an encrypted backup (it opens only with your
          password).{' '}
          <button
            type="button"
            onClick={() =>
              void encryptedBackup(db, user.username).then((blob) =>
                download(blob, `tern-backup-${user.username}-${new Date().toISOString().slice(0, 10)}.json`),
              )
            }
          >
            Download encrypted backup
          </button>{' '}
          <button type="button" onClick={() => setLogoutBlocked(0)}>
            Close
          </button>
        </div>
      )}
      {props.updateReady && (
        <div className="update" role="alert">
          A new version of Tern is ready. Save any open form first.{' '}
          <button type="button" onClick={props.updateReady}>
            Update now
          </button>
        </div>
      )}
      <main>
        {view === 'cases' ? (
          <>
            <button type="button" onClick={() => setView('list')}>
              {t('records', { ns: 'cases' })}
            </button>
            <CasesHome db={db} dataKey={dataKey} mission={mission} device={device} user={user} />
          </>
        ) : view === 'new' ? (
          <FormPage
            db={db}
            dataKey={dataKey}
            mission={mission}
            device={device}
            onDone={() => {
              void refresh();
              setView('list');
            }}
          />
        ) : (
          <>
            <div className="toolbar">
              <button type="button" onClick={() => setView('new')}>
                New record
              </button>
              <button type="button" onClick={() => setView('cases')}>
                {t('open', { ns: 'cases' })}
              </button>
              {device && (
                <SyncPanel
                  db={db}
                  mission={mission}
                  dataKey={dataKey}
                  device={device}
                  onDone={() => void refresh()}
                />
              )}
            </div>
            {rows === null ? <p>Loading…</p> : <RecordList rows={rows} />}
          </>
        )}
      </main>
    </div>
  );
}
