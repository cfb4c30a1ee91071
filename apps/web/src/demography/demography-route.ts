import { createElement, lazy, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@tern/api';
import { loadLazyNamespaces } from '../i18n/i18n.ts';

/**
 * The projection workspace lives behind a hash and in its own chunks (code, the projection engine,
 * its worker, words), so an interviewer's first download does not grow with it. The UI only hides:
 * the server refuses the demography routes to other roles (decision 126).
 */
export const DEMOGRAPHY_HASH = '#/demography';

/** Who may open the workspace: statisticians, and admins. */
export const mayProject = (role: Role | string): boolean => role === 'statistician' || role === 'admin';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useDemographyRoute(): boolean {
  return useSyncExternalStore(subscribe, () => location.hash.startsWith(DEMOGRAPHY_HASH));
}

export function leaveDemographyRoute(): void {
  history.pushState(null, '', location.pathname + location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** What shows when the workspace's code cannot be fetched (no network: it is not precached). */
function NeedsNetwork() {
  const { t } = useTranslation('research-link');
  return createElement('p', { className: 'app', role: 'alert' }, t('offlineDemography'));
}

export const DemographyPage = lazy(() =>
  Promise.all([import('./DemographyPage.tsx'), loadLazyNamespaces()])
    .then(([m]) => m)
    .catch(() => ({ default: NeedsNetwork as unknown as typeof import('./DemographyPage.tsx').default })),
);
