import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';
import { FormPage } from '../form/FormPage.tsx';
import { ADMIN_CONFLICTS_HASH, ADMIN_FORMS_HASH } from '../admin/admin-route.ts';
import { RESEARCH_HASH, mayResearch } from '../research/research-route.ts';
import { ADMIN_SCREENS_HASH, mayManage } from '../admin-screens/admin-screens-route.ts';
import { DEMOGRAPHY_HASH, mayProject } from '../demography/demography-route.ts';
import { MATCHING_HASH } from '../matching/matching-route.ts';
import { PROFILES_HASH, mayProfile } from '../profiles/profiles-route.ts';
import { loadDeviceForms, withCaseForms } from '../forms-admin/device-forms.ts';
import { RecordList } from '../records/RecordList.tsx';
import { SyncPanel } from '../sync/SyncPanel.tsx';
import { deviceId } from '../device/device-id.ts';
import { listRecords, unsyncedCount } from '../records/submissions.ts';
import { DeviceStorage } from '../safety/DeviceStorage.tsx';
import { LogoutBlocked } from '../safety/LogoutBlocked.tsx';
import { saveOpenWork } from '../safety/open-work.ts';
import { requestPersistence } from '../safety/storage-status.ts';
import { UpdateBanner } from '../safety/UpdateBanner.tsx';
import { OFFICER_ROLES } from '../officer/officer-roles.ts';
import { lazyScreen } from './lazy-screen.tsx';
import type { OpenRow } from '../device/doc-repository.ts';
import type { Unlocked } from '../session/keyring.ts';
import { dropCaseIndexes } from '../cases/case-index-registry.ts';
import { useDeviceRegistration } from '../cases/use-device-registration.ts';

// The cases screens (lists, case pages, review) and the officer's views are chunks of their own, fetched
// when first opened (precached by the service worker, so offline too): the interviewer's first download
// goes from login to a form without them (decision 190).
// They show case records, so the case forms (decision 207) come with them.
const CasesHome = lazyScreen(() => withCaseForms(import('../cases/CasesHome.tsx')).then((m) => m.CasesHome));
const EditRecordPage = lazyScreen(() =>
  withCaseForms(import('../form/EditRecordPage.tsx')).then((m) => m.EditRecordPage),
);
const OfficerViews = lazyScreen(() =>
  withCaseForms(import('../officer/OfficerViews.tsx')).then((m) => m.OfficerViews),
);

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
  updateReady: (() => Promise<void>) | null;
  onLock: () => void;
  onLogout: () => Promise<void>;
}) {
  const { db, mission, user, dataKey } = props;
  const [view, setView] = useState<'list' | 'new' | 'cases'>('list');
  const [editing, setEditing] = useState<OpenRow | null>(null);
  const [rows, setRows] = useState<OpenRow[] | null>(null);
  const [device, setDevice] = useState<string | null>(null);
  const [logoutBlocked, setLogoutBlocked] = useState(0);
  const online = useOnline();
  const { t } = useTranslation();
  // Case codes need this device's number in the mission: ask once online (cases/device-number.ts).
  useDeviceRegistration(db, mission, online, user.username);
  // Decrypted case names live only while unlocked: locking or logging out unmounts the app.
  useEffect(() => dropCaseIndexes, []);

  const refresh = useCallback(
    async () => setRows(await listRecords(db, dataKey, mission)),
    [db, dataKey, mission],
  );
  useEffect(() => {
    void refresh();
    void deviceId(db).then(setDevice);
    // Ask the browser to keep this device's data (no way to lose work); the answer is shown in Device storage.
    void requestPersistence();
    // Forms an admin published: fetched when online, kept for offline use.
    void loadDeviceForms(db, navigator.onLine);
  }, [db, refresh]);

  const logout = async () => {
    // Unsynced records exist only here: refuse, and offer an encrypted copy. An open form is stored
    // first, so that its draft is counted.
    await saveOpenWork().catch(() => undefined);
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
        <span className="user">{t('user', { username: user.username, role: t(`roles.${user.role}`) })}</span>
        <span className={online ? 'online' : 'offline'} role="note">
          {online ? t('online') : t('offline')}
        </span>
        <LanguagePicker />
        {mayManage(user.role) && (
          <a className="admin-link" href={ADMIN_SCREENS_HASH}>
            {t('adminScreensLink')}
          </a>
        )}
        {user.role === 'admin' && (
          <a className="admin-link" href={ADMIN_CONFLICTS_HASH}>
            {t('conflicts:adminLink')}
          </a>
        )}
        {user.role === 'admin' && (
          <a className="admin-link" href={ADMIN_FORMS_HASH}>
            {t('publish:adminLink')}
          </a>
        )}
        {user.role === 'admin' && (
          <a className="admin-link" href={MATCHING_HASH}>
            {t('matching:adminLink')}
          </a>
        )}
        {mayResearch(user.role) && (
          <a className="admin-link" href={RESEARCH_HASH}>
            {t('research-link:label')}
          </a>
        )}
        {/* Statisticians land on the workspace itself (main.tsx); an admin reaches it from here. */}
        {mayProject(user.role) && (
          <a className="admin-link" href={DEMOGRAPHY_HASH}>
            {t('research-link:projectionsLabel')}
          </a>
        )}
        {mayProfile(user) && (
          <a className="admin-link" href={PROFILES_HASH}>
            {t('profilesLink')}
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
        <LogoutBlocked
          db={db}
          username={user.username}
          count={logoutBlocked}
          onClose={() => setLogoutBlocked(0)}
        />
      )}
      {props.updateReady && <UpdateBanner activate={props.updateReady} />}
      <main>
        {editing ? (
          <EditRecordPage
            key={`${editing.id} ${editing.rev}`}
            db={db}
            dataKey={dataKey}
            record={editing}
            device={device}
            username={user.username}
            readsServerFiles={OFFICER_ROLES.has(user.role)}
            onDone={() => {
              void refresh();
              setEditing(null);
            }}
          />
        ) : view === 'cases' ? (
          <>
            <button
              type="button"
              onClick={() => {
                // Syncs and edits made in the cases screens changed what the list shows.
                void refresh();
                setView('list');
              }}
            >
              {t('cases:records')}
            </button>
            <CasesHome db={db} dataKey={dataKey} mission={mission} device={device} user={user} />
          </>
        ) : view === 'new' ? (
          <FormPage
            db={db}
            dataKey={dataKey}
            mission={mission}
            device={device}
            username={user.username}
            onDone={() => {
              void refresh();
              setView('list');
            }}
          />
        ) : (
          <>
            <div className="toolbar">
              <button type="button" onClick={() => setView('new')}>
                {t('newRecord')}
              </button>
              <button type="button" onClick={() => setView('cases')}>
                {t('cases:open')}
              </button>
              {device && (
                <SyncPanel
                  db={db}
                  mission={mission}
                  dataKey={dataKey}
                  device={device}
                  account={user.username}
                  onDone={() => {
                    void refresh();
                    void loadDeviceForms(db, true);
                  }}
                />
              )}
            </div>
            {rows === null ? <p>{t('loading')}</p> : <RecordList rows={rows} onOpen={setEditing} />}
            <DeviceStorage
              db={db}
              username={user.username}
              keys={user.keys}
              profileKeys={user.profileKeys}
              onRestored={() => void refresh()}
            />
            {OFFICER_ROLES.has(user.role) && (
              <OfficerViews mission={mission} device={device} fallback={null} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
