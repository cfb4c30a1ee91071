/**
 * Work open on screen that may not be stored yet — today the form page's autosaved draft. Whoever
 * is about to replace the page (an app update, a logout) first calls `saveOpenWork()`, which writes
 * everything pending and fails if anything could not be written; the page is replaced only after.
 */
type Flush = () => Promise<void>;
/** `draft`: stored by its flush (autosaved); `edit`: cannot be stored without the user's Save. */
export type OpenWorkKind = 'draft' | 'edit';

const holders = new Map<Flush, OpenWorkKind>();
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/** Announce open work with the function that stores it; call the returned function when it closes. */
export function holdOpenWork(flush: Flush, kind: OpenWorkKind = 'draft'): () => void {
  holders.set(flush, kind);
  notify();
  return () => {
    holders.delete(flush);
    notify();
  };
}

/** What is open: nothing, only autosaved drafts, or an edit that only the user can save. */
export function openWork(): 'none' | OpenWorkKind {
  const kinds = [...holders.values()];
  return kinds.includes('edit') ? 'edit' : kinds.length > 0 ? 'draft' : 'none';
}

/** For React's useSyncExternalStore. */
export function subscribeOpenWork(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Store every open piece of work; rejects when one could not be stored (the caller must not reload). */
export async function saveOpenWork(): Promise<void> {
  await Promise.all([...holders.keys()].map((flush) => flush()));
}
