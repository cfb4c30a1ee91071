import type { Pouch } from './pouch.ts';

/**
 * Resolve true as soon as a change after `since` exists, false after `ms` or when `signal` aborts.
 * Used by the longpoll `_changes` feed. PouchDB's live feed first replays changes already after
 * `since`, so a change written between the caller's empty read and this wait is not missed.
 */
export function waitForChange(
  db: Pouch,
  since: number | string,
  ms: number,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve(false);
    let done = false;
    const feed = db.changes({ since, live: true, limit: 1, return_docs: false });
    const finish = (changed: boolean, err?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      feed.cancel();
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(changed);
    };
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(false), ms);
    signal.addEventListener('abort', onAbort, { once: true });
    feed.on('change', () => finish(true));
    feed.on('error', (err: unknown) => finish(false, err));
  });
}
