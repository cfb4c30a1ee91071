import { lazy, useSyncExternalStore } from 'react';
import { loadLazyNamespaces } from '../i18n/i18n.ts';

/**
 * Migration Profiles (issue 15) live behind a hash and in their own chunk (code, the profiles core, its
 * words), so an interviewer's first download does not grow with them. Who may open them: an account
 * holding a role on at least one country, known from the country keys it received at login (decision
 * 186); the server checks every read and every pushed revision anyway.
 */
export const PROFILES_HASH = '#/profiles';

export const mayProfile = (user: { profileKeys: ReadonlyMap<string, CryptoKey> }): boolean =>
  user.profileKeys.size > 0;

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useProfilesRoute(): boolean {
  return useSyncExternalStore(subscribe, () => location.hash.startsWith(PROFILES_HASH));
}

export function leaveProfilesRoute(): void {
  history.pushState(null, '', location.pathname + location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export const ProfilesPage = lazy(() =>
  Promise.all([import('./ProfilesPage.tsx'), loadLazyNamespaces()]).then(([m]) => m),
);
