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
  private systemDb: SystemDb | undefined;

  constructor(readonly options: StoreOptions) {
    if (options.kind === 'leveldb') mkdirSync(resolve(options.dataDir), { recursive: true });
  }

  mission(mission: string): MissionDb {
    assertMissionId(mission);
    let db = this.open.get(mission);
    if (!db) {
      const o = this.options;
      const pouch =
        o.kind === 'leveldb'
          ? new PouchDB<Record<string, unknown>>(join(resolve(o.dataDir), `mission-${mission}`), {
              auto_compaction: false,
            })
          : new PouchDB<Record<string, unknown>>(`${o.prefix ?? 'mem'}-mission-${mission}`, {
              adapter: 'memory',
            });
      db = new MissionDb(mission, pouch);
      this.open.set(mission, db);
    }
    return db;
  }

  /**
   * The server's own database (accounts, missions, sessions, audit). Its name cannot collide with a
   * mission's: those are all `mission-<id>`.
   */
  system(): SystemDb {
    if (!this.systemDb) {
      const o = this.options;
      const pouch =
        o.kind === 'leveldb'
          ? new PouchDB<Record<string, unknown>>(join(resolve(o.dataDir), 'system'))
          : new PouchDB<Record<string, unknown>>(`${o.prefix ?? 'mem'}-system`, { adapter: 'memory' });
      this.systemDb = new SystemDb(pouch);
    }
    return this.systemDb;
  }

  async close(): Promise<void> {
    const dbs = [...this.open.values()].map((d) => d.db);
    if (this.systemDb) dbs.push(this.systemDb.db);
    this.open.clear();
    this.systemDb = undefined;
    await Promise.all(dbs.map((d) => d.close()));
  }
}
