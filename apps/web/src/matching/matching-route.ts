import { useSyncExternalStore } from 'react';

/** The admin's matching review queue lives behind a hash so it loads only when an admin opens it. */
export const MATCHING_HASH = '#/admin/matching';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useMatchingRoute(): boolean {
  return useSyncExternalStore(subscribe, () => location.hash.startsWith(MATCHING_HASH));
}
