import type { MissionDb, ServerStore } from '@tern/store';

/** The MissionDb calls that change a mission's records (every door and route writes through them). */
const WRITES = new Set<PropertyKey>(['writeReplicated', 'writeEdits']);

/**
 * The same store, telling `onWrite(mission)` after every write to a mission's records, whichever
 * route made it (compact sync, the CouchDB door, record routes, conflict resolution, merges). The
 * analytics feeder hangs on it, so no route has to remember research. Reads pass through untouched.
 */
export function signalWrites(store: ServerStore, onWrite: (mission: string) => void): ServerStore {
  const wrapped = new WeakMap<MissionDb, MissionDb>();
  const wrap = (db: MissionDb): MissionDb =>
    new Proxy(db, {
      get(target, prop) {
        const v: unknown = Reflect.get(target, prop, target);
        if (typeof v !== 'function') return v;
        if (!WRITES.has(prop)) return (v as (...a: unknown[]) => unknown).bind(target);
        return async (...args: unknown[]) => {
          try {
            return await (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            onWrite(target.mission);
          }
        };
      },
    });
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'mission')
        return (mission: string) => {
          const db = target.mission(mission);
          let w = wrapped.get(db);
          if (!w) {
            w = wrap(db);
            wrapped.set(db, w);
          }
          return w;
        };
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
