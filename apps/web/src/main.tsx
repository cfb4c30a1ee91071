import { StrictMode, Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { LoginView } from './session/LoginView.tsx';
import { openDb } from './device/db.ts';
import { useIdleLock } from './session/idle-lock.ts';
import type { Unlocked } from './session/keyring.ts';
import { logOutServer } from './session/login.ts';
import { registerServiceWorker } from './app/sw-update.ts';
import { leaveAdminRoute, useAdminFormsRoute, useAdminRoute } from './admin/admin-route.ts';
import { AdminScreens, mayManage, useAdminScreensRoute } from './admin-screens/admin-screens-route.ts';
import { useMatchingRoute } from './matching/matching-route.ts';
import {
  ResearchPage,
  ResearchRefused,
  leaveResearchRoute,
  mayResearch,
  useResearchRoute,
} from './research/research-route.ts';
import {
  DemographyPage,
  leaveDemographyRoute,
  mayProject,
  useDemographyRoute,
} from './demography/demography-route.ts';
import { ProfilesPage, leaveProfilesRoute, mayProfile, useProfilesRoute } from './profiles/profiles-route.ts';
import { i18nReady } from './i18n/i18n.ts';
import { withCaseForms } from './forms-admin/device-forms.ts';
import './app/styles.css';

const db = openDb();
// Admins only: a separate chunk, never part of the interviewer's first download.
// They name fields and forms of case records: the case forms (decision 207) come with them.
const AdminConflicts = lazy(() => withCaseForms(import('./admin/AdminConflicts.tsx')));
const AdminForms = lazy(() => withCaseForms(import('./forms-admin/AdminForms.tsx')));
const MatchQueue = lazy(() => withCaseForms(import('./matching/MatchQueue.tsx')));
const wanted = new URLSearchParams(location.search).get('mission') ?? localStorage.getItem('tern.mission');

// A version already waiting at start is announced before React mounts: keep it until Root listens.
let waitingUpdate: (() => Promise<void>) | null = null;
let announceUpdate: ((activate: () => Promise<void>) => void) | null = null;
registerServiceWorker((activate) => {
  waitingUpdate = activate;
  announceUpdate?.(activate);
});

function Root() {
  const { t } = useTranslation();
  const [updateReady, setUpdateReady] = useState<(() => Promise<void>) | null>(null);
  // The unlocked account holds the only copies of the data keys: dropping it is locking.
  const [user, setUser] = useState<Unlocked | null>(null);
  const [locked, setLocked] = useState<string | null>(null);
  useEffect(() => {
    announceUpdate = (activate) => setUpdateReady(() => activate);
    const waiting = waitingUpdate;
    if (waiting) setUpdateReady(() => waiting);
  }, []);
  const lock = useCallback(() => {
    setLocked((l) => user?.username ?? l);
    setUser(null);
  }, [user]);
  useIdleLock(user !== null, lock);
  const adminRoute = useAdminRoute();
  const adminFormsRoute = useAdminFormsRoute();
  const adminTab = useAdminScreensRoute();
  const matchingRoute = useMatchingRoute();
  const researchRoute = useResearchRoute();
  const demographyRoute = useDemographyRoute();
  const profilesRoute = useProfilesRoute();
  const logout = async () => {
    await logOutServer();
    setLocked(null);
    setUser(null);
  };

  if (!user)
    return (
      <LoginView
        db={db}
        locked={locked}
        onLogin={(r) => {
          setLocked(null);
          setUser(r.unlocked);
        }}
      />
    );
  if (adminTab && mayManage(user.role))
    return (
      <Suspense fallback={<p className="app">…</p>}>
        <AdminScreens
          tab={adminTab}
          username={user.username}
          role={user.role}
          missions={user.missions}
          onClose={leaveAdminRoute}
          onLock={lock}
          onLogout={logout}
        />
      </Suspense>
    );
  if (user.role === 'admin' && adminFormsRoute)
    return (
      <Suspense fallback={<p className="app">…</p>}>
        <AdminForms onClose={leaveAdminRoute} />
      </Suspense>
    );
  if (user.role === 'admin' && matchingRoute)
    return (
      <Suspense fallback={<p className="app">…</p>}>
        <MatchQueue
          onClose={leaveAdminRoute}
          username={user.username}
          role={user.role}
          onLock={lock}
          onLogout={logout}
        />
      </Suspense>
    );
  if (user.role === 'admin' && adminRoute)
    return (
      <Suspense fallback={<p className="app">…</p>}>
        <AdminConflicts onClose={leaveAdminRoute} />
      </Suspense>
    );
  // Migration Profiles: any account holding a role on a country (decision 186), before the
  // statistician's workspace, which links here.
  if (profilesRoute && mayProfile(user))
    return (
      <Suspense fallback={<p className="app">…</p>}>
        <ProfilesPage
          db={db}
          username={user.username}
          role={user.role}
          profileKeys={user.profileKeys}
          onClose={leaveProfilesRoute}
          onLock={lock}
          onLogout={logout}
        />
      </Suspense>
    );
  // A statistician works on projections only: the workspace is their whole app (decision 126).
  if (user.role === 'statistician' || (demographyRoute && mayProject(user.role)))
    return (
      <Suspense fallback={<p className="app">…</p>}>
        <DemographyPage
          profiles={mayProfile(user)}
          username={user.username}
          role={user.role}
          onClose={user.role === 'statistician' ? null : leaveDemographyRoute}
          onLock={lock}
          onLogout={logout}
        />
      </Suspense>
    );
  // A researcher has no mission data on devices: the dashboard is their whole app.
  if (researchRoute || user.role === 'researcher')
    return (
      <Suspense fallback={<p className="app">…</p>}>
        {mayResearch(user.role) ? (
          <ResearchPage
            username={user.username}
            role={user.role}
            onClose={user.role === 'researcher' ? null : leaveResearchRoute}
            onLock={lock}
            onLogout={logout}
          />
        ) : (
          <ResearchRefused role={user.role} onClose={leaveResearchRoute} />
        )}
      </Suspense>
    );
  const missions = [...user.keys.keys()];
  const mission = wanted && user.keys.has(wanted) ? wanted : missions[0];
  if (!mission) {
    return (
      <div className="app">
        <p role="alert">{t('noMissions', { username: user.username, role: t(`roles.${user.role}`) })}</p>
        <button type="button" onClick={() => void logOutServer().then(() => setUser(null))}>
          {t('logout')}
        </button>
      </div>
    );
  }
  localStorage.setItem('tern.mission', mission);
  return (
    <App
      key={`${user.username}:${mission}`}
      db={db}
      mission={mission}
      user={user}
      dataKey={user.keys.get(mission)!}
      updateReady={updateReady}
      onLock={lock}
      onLogout={logout}
    />
  );
}

// The remembered language's words first (one small chunk, cached offline), then the first render.
await i18nReady;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
