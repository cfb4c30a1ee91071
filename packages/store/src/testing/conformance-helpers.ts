import { canonicalJson, nextRevision } from '@tern/sync';
import type { Body, WireDoc } from '@tern/sync';
import { isStoreError } from '../errors.ts';
import type { StoreErrorCode } from '../errors.ts';
import type { ServerStore } from '../server-store.ts';

/** How a conformance run opens and closes the store under test (memory, LevelDB, a CouchDB URL later). */
export interface StoreFactory {
  name: string;
  /** A fresh, empty store (a unique prefix, folder or database name per call). */
  open(): Promise<ServerStore>;
  /** Close it and remove what it left (folders, remote databases). */
  close(store: ServerStore): Promise<void>;
}

/** One conformance case: throws on failure. */
export type ConformanceCase = (make: StoreFactory) => Promise<void>;

export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`server store conformance: ${message}`);
}
/** Equal as JSON values, whatever the order of keys (an engine may keep its own order). */
export const same = (a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
export const eq = (a: unknown, b: unknown, what: string) =>
  check(same(a, b), `${what}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);

export async function rejectsWith(p: Promise<unknown>, code: StoreErrorCode, what: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    check(isStoreError(e, code), `${what}: expected ${code}, got ${String(e)}`);
    return;
  }
  throw new Error(`server store conformance: ${what}: expected ${code}, it succeeded`);
}

export const ID = (n: number) => `sub:01J00000000000000000000${String(n).padStart(3, '0')}`;
export const body = (name: string, extra: Body = {}): Body => ({
  type: 'submission',
  mission: 'm1',
  name,
  ...extra,
});

export function rev(id: string, b: Body, parent?: WireDoc, deleted = false): WireDoc {
  const r = nextRevision(parent ? { rev: parent._rev, revisions: parent._revisions } : null, b, { deleted });
  return { ...b, _id: id, _rev: r.rev, _revisions: r.revisions, ...(deleted ? { _deleted: true } : {}) };
}

export function nested(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

export async function withStore(make: StoreFactory, run: (s: ServerStore) => Promise<void>): Promise<void> {
  const store = await make.open();
  try {
    await run(store);
  } finally {
    await make.close(store);
  }
}
