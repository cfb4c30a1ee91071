import { randomBytes } from 'node:crypto';
import { MISSION_ID, isStoreError } from '@tern/store';
import type { SystemDb, SystemDoc } from '@tern/store';
import { TernError } from '../errors.ts';

export interface MissionDoc extends SystemDoc {
  type: 'mission';
  id: string;
  name: string;
  /**
   * The mission's device data key (32 random bytes, base64). Handed to mission members at online login;
   * devices keep it only wrapped under a key derived from the user's password (docs/security.md).
   */
  deviceKey: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Missions, stored in the system database as `mission:<id>`. `has()` is synchronous (routes ask it on
 * every request), so the ids are cached in memory: loaded at start and updated by `create()`. One
 * process owns a data folder (LevelDB), so the cache cannot go stale there; with several processes on
 * a CouchDB cluster, call `load()` again (docs/decisions/030-accounts-and-device-encryption.md).
 */
export class Missions {
  private readonly ids = new Set<string>();

  constructor(
    private readonly sys: SystemDb,
    private readonly now: () => number,
  ) {}

  async load(): Promise<void> {
    for (const m of await this.list()) this.ids.add(m.id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get(id: string): Promise<MissionDoc | undefined> {
    return this.sys.get<MissionDoc>(`mission:${id}`);
  }

  list(): Promise<MissionDoc[]> {
    return this.sys.list<MissionDoc>('mission:');
  }

  /** Create a mission; with `ifMissing` an existing one is returned unchanged (bootstrap and seed). */
  async create(
    input: { id: string; name?: string },
    createdBy: string,
    ifMissing = false,
  ): Promise<MissionDoc> {
    if (!MISSION_ID.test(input.id))
      throw new TernError(
        'TERN_BAD_REQUEST',
        `Invalid mission id ${JSON.stringify(input.id)}: use 1-63 lowercase letters, digits and '-'`,
      );
    const existing = await this.get(input.id);
    if (existing) {
      this.ids.add(existing.id);
      if (ifMissing) return existing;
      throw new TernError('TERN_CONFLICT', `Mission ${JSON.stringify(input.id)} exists`);
    }
    const doc: MissionDoc = {
      _id: `mission:${input.id}`,
      type: 'mission',
      id: input.id,
      name: input.name ?? input.id,
      deviceKey: randomBytes(32).toString('base64'),
      createdAt: new Date(this.now()).toISOString(),
      createdBy,
    };
    await this.sys.create(doc);
    this.ids.add(doc.id);
    return doc;
  }

  /** A new name; the id stays (it is in every record and case code). Undefined: no such mission. */
  async rename(id: string, name: string): Promise<MissionDoc | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc = await this.get(id);
      if (!doc) return undefined;
      const next = { ...doc, name };
      try {
        await this.sys.put(next);
        return next;
      } catch (e) {
        if (!isStoreError(e, 'TERN_STORE_CONFLICT')) throw e;
      }
    }
    throw new TernError('TERN_CONFLICT', `Mission ${JSON.stringify(id)} is being changed by someone else`);
  }
}
