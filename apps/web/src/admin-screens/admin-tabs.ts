/** Where the admin screens live: `#/admin/manage/<tab>`. */
export const ADMIN_SCREENS_HASH = '#/admin/manage';
export const TABS = ['accounts', 'missions', 'audit', 'forms', 'devices'] as const;
export type Tab = (typeof TABS)[number];

/** The open tab, or null when the admin screens are not open; an unknown tab opens accounts. */
export function tabOf(hash: string): Tab | null {
  if (!hash.startsWith(ADMIN_SCREENS_HASH)) return null;
  const t = hash.slice(ADMIN_SCREENS_HASH.length + 1);
  return (TABS as readonly string[]).includes(t) ? (t as Tab) : 'accounts';
}

export const tabHash = (t: Tab) => `${ADMIN_SCREENS_HASH}/${t}`;
