import { useSyncExternalStore } from 'react';

/** The admin conflict screen lives behind a hash so it loads only when an admin opens it. */
export const ADMIN_CONFLICTS_HASH = '#/admin/conflicts';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useAdminRoute(): boolean {
  return useSyncExternalStore(subscribe, () => location.hash.startsWith(ADMIN_CONFLICTS_HASH));
}

export function leaveAdminRoute(): void {
  history.pushState(null, '', location.pathname + location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The admin's form publishing page (XLSForm upload), also loaded only when opened. */
export const ADMIN_FORMS_HASH = '#/admin/forms';

export function useAdminFormsRoute(): boolean {
  return useSyncExternalStore(subscribe, () => location.hash.startsWith(ADMIN_FORMS_HASH));
}
