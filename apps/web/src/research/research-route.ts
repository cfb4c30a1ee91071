import { createElement, lazy, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@tern/api';
import { loadLazyNamespaces } from '../i18n/i18n.ts';

/**
 * The research dashboard lives behind a hash and in its own chunks (code, chart library, words), so an
 * interviewer's first download does not grow with it. The UI only hides: the server refuses every
 * research route to other roles (apps/server, issue 13).
 */
export const RESEARCH_HASH = '#/research';

/** Who may open the dashboard: researchers, and admins (who grant researchers their missions). */
export const mayResearch = (role: Role | string): boolean => role === 'researcher' || role === 'admin';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useResearchRoute(): boolean {
  return useSyncExternalStore(subscribe, () => location.hash.startsWith(RESEARCH_HASH));
}

export function leaveResearchRoute(): void {
  history.pushState(null, '', location.pathname + location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** What shows when the dashboard's code cannot be fetched (no network: it is not precached). */
function NeedsNetwork() {
  const { t } = useTranslation('research-link');
  return createElement('p', { className: 'app', role: 'alert' }, t('offline'));
}
const orNetworkNotice = <T>(load: Promise<{ default: T }>) =>
  load.catch(() => ({ default: NeedsNetwork as unknown as T }));

/** The dashboard and the refusal, each fetched with the research words when first shown. */
export const ResearchPage = lazy(() =>
  orNetworkNotice(Promise.all([import('./ResearchPage.tsx'), loadLazyNamespaces()]).then(([m]) => m)),
);
export const ResearchRefused = lazy(() =>
  orNetworkNotice(Promise.all([import('./ResearchRefused.tsx'), loadLazyNamespaces()]).then(([m]) => m)),
);
