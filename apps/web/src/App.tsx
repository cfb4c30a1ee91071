import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from './db.ts';
import { LanguagePicker } from './i18n/LanguagePicker.tsx';
import { FormPage } from './form/FormPage.tsx';
import { EditRecordPage } from './form/EditRecordPage.tsx';
import { ADMIN_CONFLICTS_HASH } from './admin/admin-route.ts';
import { RecordList } from './RecordList.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { download, encryptedBackup } from './backup.ts';
import { deviceId, listRecords, unsyncedCount } from './records.ts';
import type { OpenRow } from './records.ts';
import type { Unlocked } from './keyring.ts';

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
  const [view, setView] = useState<'list' | 'new'>('list');
  const [editing, setEditing] = useState<OpenRow | null>(null);
  const [rows, setRows] = useState<OpenRow[] | null>(null);
  const [device, setDevice] = useState<string | null>(null);
  const [logoutBlocked, setLogoutBlocked] = useState(0);
  const online = useOnline();
  const { t } = useTranslation();

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
        {user.role === 'admin' && (
          <a className="admin-link" href={ADMIN_CONFLICTS_HASH}>
            {t('conflicts:adminLink')}
          </a>
        )}
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
        {editing ? (
          <EditRecordPage
            key={`${editing.id} ${editing.rev}`}
            db={db}
            dataKey={dataKey}
            record={editing}
            device={device}
            username={user.username}
            onDone={() => {
              void refresh();
              setEditing(null);
            }}
          />
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
            {rows === null ? <p>Loading…</p> : <RecordList rows={rows} onOpen={setEditing} />}
          </>
        )}
      </main>
    </div>
  );
}
