import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { bodyOf, nextRevision, winningRev } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { buildApp } from '../../src/app.ts';
import { Accounts } from '../../src/auth/accounts.ts';
import type { AccountDoc } from '../../src/auth/accounts.ts';
import { Sessions } from '../../src/auth/sessions.ts';
import type { Role } from '../../src/auth/roles.ts';
import { PASSWORD, edit, submission, testUlid, validAnswers } from '../fixtures.ts';
import { within } from './answer-within.ts';
import type { LeafDoc, Target, World } from './doc-recipes.ts';
import { RecordDigest } from './record-digest.ts';
import { deviceOf } from './request-recipe.ts';
import type { Caller } from './request-recipe.ts';

export const MISSIONS = ['demo', 'other'];

/** The fixture accounts: name → role and missions. `field-other` interviews in the other mission. */
export const ACCOUNTS: Record<Exclude<Caller, 'anonymous'>, { role: Role; missions: string[] }> = {
  interviewer: { role: 'interviewer', missions: ['demo'] },
  'field-other': { role: 'interviewer', missions: ['other'] },
  data_officer: { role: 'data_officer', missions: ['demo'] },
  admin: { role: 'admin', missions: [] },
  relay: { role: 'relay', missions: ['demo'] },
};

const caseBody = (mission: string) => ({
  type: 'case',
  mission,
  code: 'DEM-0001',
  status: 'screening',
  pii: { fullName: 'Seed Person' },
  history: [],
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'data_officer',
  device: 'dev-seed',
});

const winnerOf = (l: LeafDoc[]) => (l.length ? l.find((x) => x.rev === winningRev(l).rev) : undefined);
const deadWinner = (l: LeafDoc[]) => winnerOf(l)?.deleted !== false;

let template: Promise<AccountDoc[]> | undefined;

/**
 * The fixture account documents, made once per process: scrypt is deliberately slow (about a second
 * a hash on this machine), so one hash is made and every account document carries it.
 */
function templateAccounts(): Promise<AccountDoc[]> {
  template ??= (async () => {
    const store = new TernStore({ kind: 'memory', prefix: `hostile-accounts-${testUlid()}` });
    const accounts = new Accounts(store.system(), Date.now);
    const first = await accounts.create(
      { username: 'template', password: PASSWORD, role: 'admin', missions: [] },
      'test',
    );
    await store.close();
    return Object.entries(ACCOUNTS).map(([username, a]) => {
      const { _rev: _r, ...doc } = first;
      return { ...doc, _id: `user:${username}`, username, role: a.role, missions: a.missions } as AccountDoc;
    });
  })();
  return template;
}

/**
 * An app on a fresh memory store with the fixture accounts logged in and the target documents seeded:
 * in `demo` one submission per author (interviewer, data officer), an approved submission the
 * interviewer wrote, a tombstone, a record with two conflicting branches and a case; in `other` one
 * submission. `creators` remembers who stored each record (seeded or acknowledged later), for the
 * "no interviewer deletes another account's record" oracle.
 */
export class FuzzWorld implements World {
  readonly digest: RecordDigest;
  readonly creators = new Map<string, string>();
  private readonly tokens = new Map<Caller, string>();
  private readonly targets = new Map<Exclude<Target, 'new'>, { mission: string; id: string }>();

  private constructor(
    readonly app: FastifyInstance,
    readonly store: TernStore,
    private readonly sessions: Sessions,
  ) {
    this.digest = new RecordDigest(store);
  }

  /** `makeStore`: memory by default; the volume run (tests/fuzz) gives LevelDB in a temp folder. */
  static async create(makeStore?: () => TernStore): Promise<FuzzWorld> {
    const store = makeStore?.() ?? new TernStore({ kind: 'memory', prefix: `hostile-${testUlid()}` });
    const app = await buildApp({
      store,
      missions: MISSIONS,
      // Every run logs in again after a logout or a password change: the rate limit is not under test.
      login: { max: 1_000_000, timeWindowMs: 60_000 },
    });
    for (const doc of await templateAccounts()) await store.system().put({ ...doc });
    const w = new FuzzWorld(app, store, new Sessions(store.system(), 12 * 3600 * 1000, Date.now));
    await w.seed();
    await w.restoreSessions();
    await w.registerDevices();
    await w.digest.refresh(MISSIONS);
    return w;
  }

  private async put(target: Exclude<Target, 'new'>, mission: string, docs: WireDoc[], by: string) {
    await this.store.mission(mission).writeReplicated(docs);
    this.targets.set(target, { mission, id: docs[0]!._id });
    this.creators.set(`${mission} ${docs[0]!._id}`, by);
  }

  /** How each target is made, and when an earlier (allowed) run has changed it past being that target. */
  private readonly seeders: Record<
    Exclude<Target, 'new'>,
    { make(): Promise<void>; gone(l: LeafDoc[]): boolean }
  > = {
    own: {
      make: () => this.put('own', 'demo', [submission('demo', validAnswers('Own Record'))], 'interviewer'),
      gone: deadWinner,
    },
    others: {
      make: () =>
        this.put('others', 'demo', [submission('demo', validAnswers('Officer Record'))], 'data_officer'),
      gone: deadWinner,
    },
    approved: {
      make: async () => {
        const doc = submission('demo', validAnswers('Approved Record'));
        const review = { state: 'approved', by: 'data_officer', at: '2026-11-21T10:00:00.000Z' };
        await this.put('approved', 'demo', [edit(doc, { review })], 'interviewer');
      },
      gone: (l) =>
        deadWinner(l) || (winnerOf(l)?.body.review as { state?: string } | undefined)?.state !== 'approved',
    },
    tombstone: {
      make: async () => {
        const dead = submission('demo', validAnswers('Deleted Record'));
        const { _id, _rev, _revisions } = dead;
        const t = nextRevision({ rev: _rev, revisions: _revisions }, {}, { deleted: true });
        await this.put(
          'tombstone',
          'demo',
          [dead, { _id, _rev: t.rev, _revisions: t.revisions, _deleted: true }],
          'data_officer',
        );
      },
      gone: (l) => !deadWinner(l),
    },
    conflicted: {
      make: async () => {
        const base = submission('demo', validAnswers('Disputed Record'));
        await this.put('conflicted', 'demo', [base], 'interviewer');
        const a = edit(base, { answers: validAnswers('Branch A') });
        const b = edit(base, { answers: validAnswers('Branch B') });
        await this.store.mission('demo').writeReplicated([a, b]);
      },
      gone: (l) => l.filter((x) => !x.deleted).length < 2,
    },
    case: {
      make: async () => {
        const c = caseBody('demo');
        const { rev, revisions } = nextRevision(null, c);
        await this.put(
          'case',
          'demo',
          [{ _id: `case:${testUlid()}`, _rev: rev, _revisions: revisions, ...c }],
          'data_officer',
        );
      },
      gone: deadWinner,
    },
    otherMission: {
      make: () =>
        this.put(
          'otherMission',
          'other',
          [submission('other', validAnswers('Other Mission'))],
          'field-other',
        ),
      gone: deadWinner,
    },
  };

  private async seed() {
    for (const s of Object.values(this.seeders)) await s.make();
  }

  /**
   * Make again each target an allowed earlier run changed past being one (an approved record an
   * interviewer legitimately sent back to `submitted`, a record a data officer deleted), so every run
   * attacks what its recipe names. Reads the targets from the record digest, brought up to date first.
   */
  async refreshTargets(): Promise<void> {
    await this.digest.refresh(MISSIONS);
    for (const [name, s] of Object.entries(this.seeders) as Array<
      [Exclude<Target, 'new'>, (typeof this.seeders)['own']]
    >) {
      const t = this.targets.get(name)!;
      if (s.gone(await this.leaves(t.mission, t.id))) await s.make();
    }
  }

  /** Log every fixture account in again if its session ended, and undo account changes made by a run. */
  async restoreSessions(): Promise<void> {
    for (const [username, a] of Object.entries(ACCOUNTS) as Array<
      [Exclude<Caller, 'anonymous'>, (typeof ACCOUNTS)['admin']]
    >) {
      const token = this.tokens.get(username);
      if (token) {
        const me = await this.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: `Bearer ${token}` },
        });
        const user =
          me.statusCode === 200 ? (me.json() as { user: { role: string; missions: string[] } }).user : null;
        if (user && user.role === a.role && user.missions.join() === a.missions.join()) continue;
      }
      // Put the account back as made (password, role, missions, enabled) and open a session for it.
      const made = (await templateAccounts()).find((d) => d.username === username)!;
      const current = await this.store.system().get(made._id);
      const { _rev: _r, ...fresh } = made;
      await this.store.system().put({ ...fresh, ...(current?._rev ? { _rev: current._rev } : {}) });
      this.tokens.set(username, (await this.sessions.create(username)).token);
    }
  }

  /** Each caller's device registered in each mission it may push to (refusals are fine: not all may). */
  async registerDevices(): Promise<void> {
    for (const c of Object.keys(ACCOUNTS) as Array<Exclude<Caller, 'anonymous'>>)
      for (const mission of MISSIONS)
        await this.app.inject({
          method: 'POST',
          url: `/api/missions/${mission}/devices`,
          headers: { authorization: `Bearer ${this.tokens.get(c)}` },
          payload: { deviceId: deviceOf(c) },
        });
  }

  token(c: Caller): string | null {
    return this.tokens.get(c) ?? null;
  }

  role(c: Caller): Role | null {
    return c === 'anonymous' ? null : ACCOUNTS[c].role;
  }

  target(t: Exclude<Target, 'new'>): { mission: string; id: string } {
    return this.targets.get(t)!;
  }

  /**
   * A document's leaves as the record digest last read them. The harness refreshes the digest before it
   * picks targets and builds a request, so this is the store as it then is, without reading every target
   * again for every request (decision 223).
   */
  async leaves(mission: string, id: string): Promise<LeafDoc[]> {
    const s = this.digest.get(mission, id);
    if (!s) return [];
    return [...s.leaves].map(([rev, l]) => ({
      rev,
      deleted: l.deleted,
      revisions: l.revisions,
      body: bodyOf(l.doc),
    }));
  }

  newId(kind: 'sub' | 'case'): string {
    return `${kind}:${testUlid()}`;
  }

  /** Close, but never wait long: after a crash-class request the store may never answer again. */
  async close(): Promise<void> {
    await within(
      this.app.close().catch(() => undefined),
      2_000,
    );
    await within(
      this.store.close().catch(() => undefined),
      2_000,
    );
  }
}
