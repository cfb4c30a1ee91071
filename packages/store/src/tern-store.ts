import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertMissionId } from './mission-id.ts';
import { MissionDb } from './mission-db.ts';
import { PouchDB } from './pouch.ts';
import { SystemDb } from './system-db.ts';

export type StoreOptions =
  /** Embedded PouchDB on LevelDB, one folder per mission under `dataDir`. The default. */
  | { kind: 'leveldb'; dataDir: string }
  /** In-memory PouchDB: unit tests only; everything is lost when the process ends. */
  | { kind: 'memory'; prefix?: string };

/** The server store: one PouchDB database per mission, opened on first use and kept open. */
export class TernStore {
  private readonly open = new Map<string, MissionDb>();
  private readonly pouches = new Map<string, PouchDB.Database<Record<string, unknown>>>();
  private systemDb: SystemDb | undefined;

  constructor(readonly options: StoreOptions) {
    if (options.kind === 'leveldb') mkdirSync(resolve(options.dataDir), { recursive: true });
  }

  /** Open (once) a PouchDB database by name: a LevelDB folder under dataDir, or in memory. */
  private pouch(name: string): PouchDB.Database<Record<string, unknown>> {
    let db = this.pouches.get(name);
    if (!db) {
      const o = this.options;
      db =
        o.kind === 'leveldb'
          ? new PouchDB<Record<string, unknown>>(join(resolve(o.dataDir), name), { auto_compaction: false })
          : new PouchDB<Record<string, unknown>>(`${o.prefix ?? 'mem'}-${name}`, { adapter: 'memory' });
      this.pouches.set(name, db);
    }
    return db;
  }

  /** A mission's records: everything devices sync. */
  mission(mission: string): MissionDb {
    assertMissionId(mission);
    let db = this.open.get(mission);
    if (!db) {
      db = new MissionDb(mission, this.pouch(`mission-${mission}`));
      this.open.set(mission, db);
    }
    return db;
  }

  /** Published form definitions, shared by all missions. */
  forms(): PouchDB.Database<Record<string, unknown>> {
    return this.pouch('forms');
  }

  /** A mission's operational records (merges, resolutions): kept on the server, never synced to devices. */
  ops(mission: string): PouchDB.Database<Record<string, unknown>> {
    assertMissionId(mission);
    return this.pouch(`ops-${mission}`);
  }

  /**
   * The server's own database (accounts, missions, sessions, audit). Its name cannot collide with a
   * mission's (`mission-<id>`) nor with ops (`ops-<id>`) or forms.
   */
  system(): SystemDb {
    this.systemDb ??= new SystemDb(this.pouch('system'));
    return this.systemDb;
  }

  async close(): Promise<void> {
    const dbs = [...this.pouches.values()];
    this.open.clear();
    this.pouches.clear();
    this.systemDb = undefined;
    await Promise.all(dbs.map((d) => d.close()));
  }
}
