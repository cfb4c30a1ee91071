import { syncOnce } from '../replicator.ts';
import { nextRevision } from '../rev-id.ts';
import type { SyncStorage } from '../sync-contract.ts';
import type { Body, WireDoc } from '../types.ts';
import { MemoryServer } from './memory-server.ts';

/**
 * One conformance suite for every SyncStorage (in-memory, Dexie, PouchDB): the same behaviour on each.
 * Each case throws on failure; a test file runs every case with its own harness.
 */
export interface DeviceUnderTest {
  storage: SyncStorage;
  /** Make a local edit of `id` with this body; returns the new rev. */
  save(id: string, body: Body): Promise<string>;
  read(id: string): Promise<{ rev: string; body: Body; state: string } | undefined>;
}

export type DeviceFactory = (mission: string) => Promise<DeviceUnderTest>;

function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`conformance: ${message}`);
}
const eq = (a: unknown, b: unknown, what: string) =>
  check(
    JSON.stringify(a) === JSON.stringify(b),
    `${what}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`,
  );

const body = (name: string, extra: Body = {}): Body => ({
  type: 'submission',
  mission: 'm1',
  answers: { name },
  ...extra,
});
const ID = (n: number) => `sub:01J0000000000000000000000${n}`;

function remoteDoc(id: string, b: Body, parent?: WireDoc): WireDoc {
  const r = nextRevision(parent ? { rev: parent._rev, revisions: parent._revisions } : null, b);
  return { ...b, _id: id, _rev: r.rev, _revisions: r.revisions };
}

export const storageConformance: Record<string, (make: DeviceFactory) => Promise<void>> = {
  'lists saved documents as pending, up to the limit': async (make) => {
    const d = await make('m1');
    await d.save(ID(1), body('a'));
    await d.save(ID(2), body('b'));
    await d.save(ID(3), body('c'));
    const two = (await d.storage.pending(2)).map((x) => x._id);
    check(
      two.length === 2 && new Set(two).size === 2,
      `pending(2) gives two documents, got ${JSON.stringify(two)}`,
    );
    eq((await d.storage.pending(10)).map((x) => x._id).sort(), [ID(1), ID(2), ID(3)], 'pending(10)');
    const [first] = await d.storage.pending(1);
    check(
      first && first._revisions.start === 1 && first._rev.startsWith('1-'),
      'pending docs carry _rev and _revisions',
    );
    eq((await d.read(ID(1)))?.state, 'pending', 'state after save');
  },

  'marks acknowledged documents synced and stops listing them': async (make) => {
    const d = await make('m1');
    const rev = await d.save(ID(1), body('a'));
    await d.storage.acknowledge([{ id: ID(1), rev, ok: true }]);
    eq((await d.read(ID(1)))?.state, 'synced', 'state');
    eq(await d.storage.pending(10), [], 'pending');
  },

  'keeps an edit made while its batch was in flight pending': async (make) => {
    const d = await make('m1');
    const rev1 = await d.save(ID(1), body('a'));
    const rev2 = await d.save(ID(1), body('a2'));
    await d.storage.acknowledge([{ id: ID(1), rev: rev1, ok: true }]);
    const now = await d.read(ID(1));
    eq([now?.rev, now?.state], [rev2, 'pending'], 'rev and state');
  },

  'keeps a rejected document with its reason and does not list it': async (make) => {
    const d = await make('m1');
    const rev = await d.save(ID(1), body('a'));
    await d.storage.acknowledge([
      { id: ID(1), rev, ok: false, code: 'TERN_RESPONSE_INVALID', reason: 'age: too old' },
    ]);
    eq((await d.read(ID(1)))?.state, 'rejected', 'state');
    eq(await d.storage.pending(10), [], 'pending');
  },

  'stores pulled documents and the checkpoint together': async (make) => {
    const d = await make('m1');
    const doc = remoteDoc(ID(1), body('remote'));
    await d.storage.applyPulled([doc], '7');
    eq(await d.storage.checkpoint(), '7', 'checkpoint');
    const got = await d.read(ID(1));
    eq([got?.rev, got?.state, got?.body.answers], [doc._rev, 'synced', { name: 'remote' }], 'pulled doc');
  },

  'fast-forwards a synced document to a pulled descendant': async (make) => {
    const d = await make('m1');
    const base = remoteDoc(ID(1), body('v1'));
    await d.storage.applyPulled([base], '1');
    const child = remoteDoc(ID(1), body('v2'), base);
    await d.storage.applyPulled([child], '2');
    eq((await d.read(ID(1)))?.rev, child._rev, 'rev');
  },

  'never overwrites an unpushed local edit with a pulled sibling': async (make) => {
    const d = await make('m1');
    const base = remoteDoc(ID(1), body('v1'));
    await d.storage.applyPulled([base], '1');
    const local = await d.save(ID(1), body('local edit'));
    const sibling = remoteDoc(ID(1), body('remote edit'), base);
    await d.storage.applyPulled([sibling], '2');
    const got = await d.read(ID(1));
    eq([got?.rev, got?.state, got?.body.answers], [local, 'pending', { name: 'local edit' }], 'local kept');
    eq(await d.storage.checkpoint(), '2', 'checkpoint advances');
  },

  'keeps a local descendant of a pulled revision': async (make) => {
    const d = await make('m1');
    const base = remoteDoc(ID(1), body('v1'));
    await d.storage.applyPulled([base], '1');
    const local = await d.save(ID(1), body('v2'));
    await d.storage.applyPulled([base], '2');
    eq((await d.read(ID(1)))?.rev, local, 'rev');
  },

  'makes every synced document pending again on requeueAll, rejected ones excepted': async (make) => {
    const d = await make('m1');
    const pulled = remoteDoc(ID(1), body('pulled'));
    await d.storage.applyPulled([pulled], '1');
    const mine = await d.save(ID(2), body('mine'));
    const refused = await d.save(ID(3), body('refused'));
    await d.storage.acknowledge([
      { id: ID(2), rev: mine, ok: true },
      { id: ID(3), rev: refused, ok: false, code: 'TERN_RESPONSE_INVALID', reason: 'age: too old' },
    ]);
    eq(await d.storage.pending(10), [], 'nothing pending before');
    await d.storage.requeueAll();
    const again = (await d.storage.pending(10)).map((x) => `${x._id} ${x._rev}`).sort();
    eq(again, [`${ID(1)} ${pulled._rev}`, `${ID(2)} ${mine}`].sort(), 'pending after requeueAll');
    eq((await d.read(ID(3)))?.state, 'rejected', 'a rejected document stays rejected');
    eq(await d.storage.checkpoint(), '1', 'checkpoint untouched');
  },

  'applies nothing from a page with a malformed document': async (make) => {
    const d = await make('m1');
    const good = remoteDoc(ID(1), body('good'));
    const bad = { ...remoteDoc(ID(2), body('bad')), _rev: '9-ffff' };
    let threw = false;
    try {
      await d.storage.applyPulled([good, bad], '5');
    } catch {
      threw = true;
    }
    check(threw, 'a malformed pulled document is refused');
    eq(await d.storage.checkpoint(), null, 'checkpoint unchanged');
    eq(await d.read(ID(1)), undefined, 'good doc of the same page not applied');
  },

  'converges with another device through a server, keeping both branches of a concurrent edit': async (
    make,
  ) => {
    const server = new MemoryServer();
    const a = await make('m1');
    const b = await make('m1');
    await a.save(ID(1), body('first'));
    await syncOnce(a.storage, server, { device: 'a', batchDocs: 1 });
    await syncOnce(b.storage, server, { device: 'b' });
    eq((await b.read(ID(1)))?.body.answers, { name: 'first' }, 'b sees a');
    const ra = await a.save(ID(1), body('edit on a'));
    const rb = await b.save(ID(1), body('edit on b'));
    await syncOnce(a.storage, server, { device: 'a' });
    await syncOnce(b.storage, server, { device: 'b' });
    await syncOnce(a.storage, server, { device: 'a' });
    const tree = server.trees.get(ID(1))!;
    check(tree.has(ra) && tree.has(rb), 'server keeps both branches');
    const winner = server.winnerDoc(ID(1))._rev;
    eq((await a.read(ID(1)))?.rev, winner, 'a holds the winner');
    eq((await b.read(ID(1)))?.rev, winner, 'b holds the winner');
  },
};

const CASE = 'case:01J0000000000000000000000C';
const caseOf = (name: string, extra: Body = {}) => body(name, { caseId: CASE, ...extra });

/**
 * For the stores of devices that hold one user's view (decision 136): memory and Dexie. A relay's
 * PouchDB copy sees the whole mission and has no `purgeLeft`, so it is not held to these.
 */
export const purgeConformance: Record<string, (make: DeviceFactory) => Promise<void>> = {
  'drops a departed case and its synced records, keeps unpushed ones until they are on the server': async (
    make,
  ) => {
    const d = await make('m1');
    const purge = d.storage.purgeLeft?.bind(d.storage);
    check(purge, 'the store offers purgeLeft');
    const c = remoteDoc(CASE, { type: 'case', mission: 'm1' });
    const pulled = [
      c,
      remoteDoc(ID(1), caseOf('a')),
      remoteDoc(ID(2), caseOf('b')),
      remoteDoc(ID(3), body('c')),
    ];
    await d.storage.applyPulled(pulled, '4');
    eq(await purge(), [], 'nothing departed yet');
    await d.save(ID(2), caseOf('b edited offline'));
    await d.storage.applyPulled([], '5', [CASE]);
    eq((await purge()).sort(), [CASE, ID(1)].sort(), 'dropped');
    check((await d.read(CASE)) === undefined && (await d.read(ID(1))) === undefined, 'the case is gone');
    eq((await d.read(ID(2)))?.state, 'pending', 'the unpushed edit stays');
    check((await d.read(ID(3))) !== undefined, 'a record of no case stays');
    const [edit] = await d.storage.pending(10);
    await d.storage.acknowledge([{ id: ID(2), rev: edit!._rev, ok: true }]);
    eq(await purge(), [ID(2)], 'dropped once on the server');
    eq(await purge(), [], 'nothing left to drop');
  },
  'forgets a departure when the case comes back before the purge': async (make) => {
    const d = await make('m1');
    const c = remoteDoc(CASE, { type: 'case', mission: 'm1' });
    await d.storage.applyPulled([c, remoteDoc(ID(1), caseOf('a'))], '2');
    await d.storage.applyPulled([], '3', [CASE]);
    await d.storage.applyPulled([remoteDoc(CASE, { type: 'case', mission: 'm1', back: true }, c)], '4');
    eq(await d.storage.purgeLeft!(), [], 'nothing dropped');
    check((await d.read(ID(1))) !== undefined, 'its record stays');
  },
};
