import { mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DocStore, SystemDb } from './doc-store.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { MissionDb } from './mission-db.ts';
import { MISSION_ID, assertMissionId } from './mission-id.ts';
import { exportLeaves, importLeaves } from './backup-io.ts';
import type { DocLeaves, ExportSummary } from './backup-io.ts';
import { StoreError } from './errors.ts';
import { PouchDB } from './pouch.ts';
import type { Pouch } from './pouch.ts';
import { PouchAttachmentStore } from './pouch-attachment-store.ts';
import { PouchDocStore } from './pouch-doc-store.ts';
import { PouchMissionDb } from './pouch-mission-db.ts';
import { translated } from './pouch-errors.ts';
import { allDbs, couchLocation, databaseUrl, ternNames } from './couch-url.ts';
import type { CouchLocation } from './couch-url.ts';
import type { ServerStore } from './server-store.ts';

export type StoreOptions =
  /** Embedded PouchDB on LevelDB, one folder per mission under `dataDir`. The default. */
  | { kind: 'leveldb'; dataDir: string }
  /** In-memory PouchDB: unit tests only; everything is lost when the process ends. */
  | { kind: 'memory'; prefix?: string }
  /**
   * A CouchDB-protocol server (a CouchDB 3 cluster; pouchdb-server in tests) through PouchDB's HTTP
   * adapter: `TERN_STORE_URL` (docs/decisions/171-store-behind-a-url.md). Databases are made on first use.
   */
  | { kind: 'url'; url: string; user?: string; password?: string; prefix?: string };

/** The server store on PouchDB: one database per mission, opened on first use and kept open. */
export class TernStore implements ServerStore {
  private readonly open = new Map<string, MissionDb>();
  private readonly stores = new Map<string, DocStore>();
  private readonly pouches = new Map<string, Pouch>();
  private readonly files = new Map<string, AttachmentStore>();
  private readonly profiles = new Map<string, MissionDb>();

  private readonly couch: CouchLocation | undefined;

  constructor(readonly options: StoreOptions) {
    if (options.kind === 'leveldb') mkdirSync(resolve(options.dataDir), { recursive: true });
    this.couch = options.kind === 'url' ? couchLocation(options.url, options) : undefined;
  }

  /** Where the store is, for logs and messages: never a credential. */
  where(): string {
    const o = this.options;
    if (this.couch) return `CouchDB at ${this.couch.root} (databases ${this.couch.prefix}*)`;
    return o.kind === 'leveldb' ? `LevelDB in ${resolve(o.dataDir)}` : 'memory';
  }

  /** Open (once) a PouchDB database by name: a LevelDB folder under dataDir, or in memory. */
  private pouch(name: string): Pouch {
    let db = this.pouches.get(name);
    if (!db) {
      const o = this.options;
      db = this.couch
        ? new PouchDB<Record<string, unknown>>(databaseUrl(this.couch, name), {
            ...(this.couch.auth ? { auth: this.couch.auth } : {}),
          })
        : o.kind === 'leveldb'
          ? new PouchDB<Record<string, unknown>>(join(resolve(o.dataDir), name), { auto_compaction: false })
          : new PouchDB<Record<string, unknown>>(
              `${o.kind === 'memory' ? (o.prefix ?? 'mem') : ''}-${name}`,
              {
                adapter: 'memory',
              },
            );
      this.pouches.set(name, db);
    }
    return db;
  }

  private docStore(name: string): DocStore {
    let s = this.stores.get(name);
    if (!s) {
      s = new PouchDocStore(this.pouch(name), name);
      this.stores.set(name, s);
    }
    return s;
  }

  mission(mission: string): MissionDb {
    assertMissionId(mission);
    let db = this.open.get(mission);
    if (!db) {
      db = new PouchMissionDb(mission, this.pouch(`mission-${mission}`), this.couch !== undefined);
      this.open.set(mission, db);
    }
    return db;
  }

  /** `profile-<iso3>` (lower case on disk): cannot collide with the other names. */
  profile(country: string): MissionDb {
    if (!/^[A-Z]{3}$/.test(country))
      throw new StoreError(
        'TERN_STORE_BAD_MISSION',
        `Invalid profile country ${JSON.stringify(country)}: use an ISO 3166-1 alpha-3 code in capitals`,
      );
    const key = `profile-${country.toLowerCase()}`;
    let db = this.profiles.get(key);
    if (!db) {
      db = new PouchMissionDb(key, this.pouch(key), this.couch !== undefined);
      this.profiles.set(key, db);
    }
    return db;
  }

  /** `files-<id>`: cannot collide with `mission-<id>`, `ops-<id>`, forms or system. */
  attachments(mission: string): AttachmentStore {
    assertMissionId(mission);
    let f = this.files.get(mission);
    if (!f) {
      f = new PouchAttachmentStore(mission, this.pouch(`files-${mission}`));
      this.files.set(mission, f);
    }
    return f;
  }

  forms(): DocStore {
    return this.docStore('forms');
  }

  ops(mission: string): DocStore {
    assertMissionId(mission);
    return this.docStore(`ops-${mission}`);
  }

  /** Its name cannot collide with a mission's (`mission-<id>`) nor with ops (`ops-<id>`) or forms. */
  system(): SystemDb {
    return this.docStore('system');
  }

  async databases(): Promise<string[]> {
    const o = this.options;
    const names = this.couch
      ? await this.couchDatabases(this.couch)
      : o.kind === 'leveldb'
        ? (await readdir(resolve(o.dataDir), { withFileTypes: true }))
            .filter((e) => e.isDirectory())
            .map((e) => e.name)
        : [...this.pouches.keys()];
    return [...new Set(names.filter(isDatabaseName))].sort();
  }

  /**
   * `_all_dbs` when the account may read it; otherwise (CouchDB 3 keeps it to server admins by
   * default) what the system database names: forms, system and each mission's three databases.
   */
  private async couchDatabases(loc: CouchLocation): Promise<string[]> {
    const all = await allDbs(loc);
    if (all) return ternNames(loc, all);
    const missions = await this.system().list<{ _id: string; id?: unknown }>('mission:');
    const ids = missions.map((m) => (typeof m.id === 'string' ? m.id : m._id.slice('mission:'.length)));
    return ['forms', 'system', ...ids.flatMap((id) => [`mission-${id}`, `ops-${id}`, `files-${id}`])];
  }

  exportDatabase(
    name: string,
    each: (doc: DocLeaves) => Promise<void> | void,
    skip?: (id: string) => boolean,
  ): Promise<ExportSummary> {
    return translated(`${name}: backup`, () => exportLeaves(this.pouch(databaseName(name)), each, skip));
  }

  importDatabase(name: string, docs: DocLeaves[]): Promise<string[]> {
    return translated(`${name}: restore`, () => importLeaves(this.pouch(databaseName(name)), docs));
  }

  async close(): Promise<void> {
    const dbs = [...this.pouches.values()];
    this.open.clear();
    this.profiles.clear();
    this.stores.clear();
    this.files.clear();
    this.pouches.clear();
    await Promise.all(dbs.map((d) => d.close()));
  }
}

/** `forms`, `system`, `profile-<iso3>`, or `mission-`, `ops-`, `files-` followed by a mission id. */
function isDatabaseName(name: string): boolean {
  if (name === 'forms' || name === 'system' || /^profile-[a-z]{3}$/.test(name)) return true;
  const m = /^(mission|ops|files)-(.*)$/.exec(name);
  return m !== null && MISSION_ID.test(m[2]!);
}

function databaseName(name: string): string {
  if (!isDatabaseName(name))
    throw new StoreError('TERN_STORE_INVALID', `${JSON.stringify(name)} is not a Tern database name`);
  return name;
}
