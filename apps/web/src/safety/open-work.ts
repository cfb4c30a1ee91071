/**
 * Work open on screen that may not be stored yet — today the form page's autosaved draft. Whoever
 * is about to replace the page (an app update, a logout) first calls `saveOpenWork()`, which writes
 * everything pending and fails if anything could not be written; the page is replaced only after.
 */
type Flush = () => Promise<void>;

const holders = new Set<Flush>();
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

/** Announce open work with the function that stores it; call the returned function when it closes. */
export function holdOpenWork(flush: Flush): () => void {
  holders.add(flush);
  notify();
  return () => {
    holders.delete(flush);
    notify();
  };
}

export const hasOpenWork = (): boolean => holders.size > 0;

/** For React's useSyncExternalStore. */
export function subscribeOpenWork(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Store every open piece of work; rejects when one could not be stored (the caller must not reload). */
export async function saveOpenWork(): Promise<void> {
  await Promise.all([...holders].map((flush) => flush()));
}
