import { createElement, lazy, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { loadLazyNamespaces } from '../i18n/i18n.ts';
import { tabOf } from './admin-tabs.ts';
import type { Tab } from './admin-tabs.ts';

/**
 * The admin screens (accounts, missions, audit log, published forms, devices) live behind
 * `#/admin/manage/<tab>`, in their own chunk with their own words: never in the interview route.
 * The UI only hides; the server decides every act (apps/server/src/auth/permissions.ts).
 */
export { ADMIN_SCREENS_HASH } from './admin-tabs.ts';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The open tab, or null when the admin screens are not open. */
export function useAdminScreensRoute(): Tab | null {
  return useSyncExternalStore(subscribe, () => tabOf(location.hash));
}

/** Who sees the link: admins (all tabs) and data officers (their missions' accounts and devices). */
export const mayManage = (role: string): boolean => role === 'admin' || role === 'data_officer';

function NeedsNetwork() {
  const { t } = useTranslation('research-link');
  return createElement('p', { className: 'app', role: 'alert' }, t('offline'));
}

export const AdminScreens = lazy(() =>
  Promise.all([import('./AdminScreens.tsx'), loadLazyNamespaces()])
    .then(([m]) => m)
    // Not precached: offline, the page says it needs the network (the research page does the same).
    .catch(() => ({ default: NeedsNetwork as never })),
);
