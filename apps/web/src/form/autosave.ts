/**
 * Debounced autosave: `schedule(value)` after every change; the last value is written `delayMs` after
 * changes stop (and at most `maxWaitMs` after the first unsaved change, so a long typing session is
 * still saved). Writes never overlap: one runs at a time, and `flush()` resolves when everything
 * scheduled so far is stored. `cancel()` drops what is not yet written (the draft is being discarded
 * or submitted).
 */
export interface Autosaver<T> {
  schedule(value: T): void;
  flush(): Promise<void>;
  cancel(): Promise<void>;
  readonly pending: boolean;
}

export function autosaver<T>(
  write: (value: T) => Promise<void>,
  opts: { delayMs?: number; maxWaitMs?: number; onError?: (e: unknown) => void } = {},
): Autosaver<T> {
  const delay = opts.delayMs ?? 800;
  const maxWait = opts.maxWaitMs ?? 5000;
  let next: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsaved = 0;
  let chain: Promise<void> = Promise.resolve();

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const run = (): Promise<void> => {
    clear();
    const job = next;
    next = null;
    if (!job) return chain;
    chain = chain.then(() => write(job.value)).catch((e: unknown) => opts.onError?.(e));
    return chain;
  };

  return {
    schedule(value) {
      if (!next) firstUnsaved = Date.now();
      next = { value };
      clear();
      const wait = Math.max(0, Math.min(delay, firstUnsaved + maxWait - Date.now()));
      timer = setTimeout(() => void run(), wait);
    },
    flush: run,
    async cancel() {
      clear();
      next = null;
      await chain;
    },
    get pending() {
      return next !== null;
    },
  };
}
