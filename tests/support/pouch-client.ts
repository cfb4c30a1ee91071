import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import PouchDB from 'pouchdb';
import type { MissionDb } from '@tern/store';

type Db = PouchDB.Database<Record<string, unknown>>;

/** A PouchDB 9 database on LevelDB in a temp folder, as a PouchDB app in Node would hold. */
export function pouchClient(): { db: Db; destroy(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'tern-pouch-'));
  const db = new PouchDB<Record<string, unknown>>(join(dir, 'client'));
  return {
    db,
    async destroy() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A stopped server's own LevelDB database for one mission, opened with PouchDB itself to check what is
 * on disk independently of Tern's store code. LevelDB allows one process at a time: stop the server first.
 */
export function serverMissionDb(dataDir: string, mission: string): Db {
  return new PouchDB<Record<string, unknown>>(join(dataDir, `mission-${mission}`));
}

/** Every document's leaves (deleted ones too), as sorted `id rev` lines: what must match after sync. */
export async function leafLines(db: Db): Promise<string[]> {
  const res = await db.changes({ style: 'all_docs', since: 0, return_docs: true });
  return res.results.flatMap((c) => c.changes.map((ch) => `${c.id} ${ch.rev}`)).sort();
}

/** The same lines for a Tern server's mission, read through the store's own changes feed. */
export async function storeLeafLines(db: MissionDb): Promise<string[]> {
  const all = {
    since: 0,
    limit: Number.MAX_SAFE_INTEGER,
    allDocs: true,
    includeDocs: false,
    conflicts: false,
  };
  const res = await db.couchChanges(all);
  return res.results.flatMap((c) => c.changes.map((ch) => `${c.id} ${ch.rev}`)).sort();
}

/** Edit documents on a Tern server directly through its store (as CouchDB `new_edits: true`); throws when refused. */
export async function storeEdit(
  db: MissionDb,
  docs: Array<Record<string, unknown> & { _id: string }>,
): Promise<void> {
  const results = await db.writeEdits(docs, () => null);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`store edit refused: ${JSON.stringify(failed)}`);
}

/** SHA-256 of the leaf lines: one value to compare across stores (a PouchDB or a Tern mission). */
export async function leafDigest(db: Db | MissionDb): Promise<string> {
  const lines = 'couchChanges' in db ? await storeLeafLines(db) : await leafLines(db);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let counter = 0;

/** A ULID-shaped id: time, then a per-process counter, in Crockford base32 (unique within a run). */
export function testUlid(): string {
  counter += 1;
  let n = BigInt(Date.now()) * 1_000_000n + BigInt(counter);
  let out = '';
  for (let i = 0; i < 26; i += 1) {
    out = CROCKFORD[Number(n % 32n)] + out;
    n /= 32n;
  }
  return out;
}

/** A valid Tern submission body for `mission`. */
export function submissionDoc(
  mission: string,
  name: string,
  age = 30,
): Record<string, unknown> & { _id: string } {
  return {
    _id: `sub:${testUlid()}`,
    type: 'submission',
    mission,
    form: 'quick-screening@1',
    answers: { full_name: name, interview_date: '2026-11-20', age },
    createdAt: '2026-11-20T10:00:00.000Z',
    device: 'pouch-client',
  };
}

/** Log in to a Tern server as a replicator does: the session token comes back for a Bearer header. */
export async function bearerToken(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, bearer: true }),
  });
  if (!res.ok) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A PouchDB handle on a remote CouchDB-door database that sends the session on every request. */
export function authedRemote(url: string, token: string): Db {
  return new PouchDB<Record<string, unknown>>(url, {
    fetch: (u: string | Request, opts?: RequestInit) => {
      const headers = new Headers(opts?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return PouchDB.fetch(u, { ...opts, headers });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}
