import { randomBytes } from 'node:crypto';
import { isStoreError } from '@tern/store';
import type { SystemDb, SystemDoc } from '@tern/store';

/**
 * What several server processes on one store must agree on (decision 173). Sessions already live in
 * the system database; these are the rest.
 */

interface SecretDoc extends SystemDoc {
  type: 'secret';
  key: string;
}

/**
 * A random key kept in the system database under `secret:<name>`, made by whichever process asks
 * first; a process that loses the race to create it reads the winner's, so every process holds the
 * same key. Used for the login throttle's known-device cookie, which any process must recognise.
 */
export async function sharedKey(sys: SystemDb, name: string): Promise<Uint8Array> {
  const id = `secret:${name}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await sys.get<SecretDoc>(id);
    if (found) return new Uint8Array(Buffer.from(found.key, 'base64'));
    try {
      const key = randomBytes(32);
      await sys.create({ _id: id, type: 'secret', key: key.toString('base64') } satisfies SecretDoc);
      return new Uint8Array(key);
    } catch (e) {
      if (!isStoreError(e, 'TERN_STORE_CONFLICT')) throw e;
    }
  }
  throw new Error(`the shared key ${id} could not be read nor made`);
}

/**
 * Run `refresh` at most once per `everyMs`, callers in between sharing the run under way. The mission
 * list and the published forms are cached in memory for synchronous lookups; another process may add
 * to them (missions and form versions are only ever added), so each process reads them again when a
 * request comes at least `everyMs` after the last read.
 */
export function throttledRefresh(refresh: () => Promise<void>, everyMs: number, now: () => number) {
  let last = now();
  let running: Promise<void> | undefined;
  return (): Promise<void> => {
    if (running) return running;
    if (now() - last < everyMs) return Promise.resolve();
    last = now();
    running = refresh().finally(() => {
      running = undefined;
    });
    return running;
  };
}
