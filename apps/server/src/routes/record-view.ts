import { caseIdsOf, everHeld, mayView, seesWholeMission } from '@tern/cases';
import type { CaseLike, Viewer } from '@tern/cases';
import type { DocStore, MissionDb } from '@tern/store';
import type { Principal } from '../auth/roles.ts';
import { accountsOf, listDevices } from '../devices/device-registry.ts';

type Doc = { _id: string } & Record<string, unknown>;

/**
 * One request's view of a mission: which records the caller may pull, by the rule of @tern/cases
 * (`mayView`, decision 135). Both sync doors ask it before anything of a record leaves the server.
 * A submission follows its case's *current* winner, read once per request, so a reassigned case's
 * records stop at once, whichever revision of them is asked for.
 */
export class RecordView {
  private readonly cases = new Map<string, CaseLike | undefined>();
  /** The devices the caller works on (registered or joined), read once, when first needed. */
  private devices: Set<string> | undefined;

  private constructor(
    private readonly viewer: Viewer,
    private readonly db: Pick<MissionDb, 'winnersWithHistory'>,
    private readonly ops: DocStore,
  ) {}

  /** Null when the caller sees the whole mission (data officers, admins, route tests without auth). */
  static of(
    principal: Principal | null,
    db: Pick<MissionDb, 'winnersWithHistory'>,
    ops: DocStore,
  ): RecordView | null {
    if (!principal) return null;
    const viewer: Viewer = { username: principal.username, role: principal.role };
    return seesWholeMission(viewer) ? null : new RecordView(viewer, db, ops);
  }

  /** For each document (a current winner), may the caller see it? Reads the cases it needs in one call. */
  async visible(docs: ReadonlyArray<Doc | undefined>): Promise<boolean[]> {
    const present = docs.filter((d): d is Doc => d !== undefined);
    for (const d of present)
      if (d._id.startsWith('case:') && !d._deleted) this.cases.set(d._id, d as CaseLike);
    const missing = caseIdsOf(present).filter((id) => !this.cases.has(id));
    if (missing.length > 0) {
      const read = await this.db.winnersWithHistory(missing);
      missing.forEach((id, i) =>
        this.cases.set(id, read[i]?._deleted ? undefined : (read[i] as CaseLike | undefined)),
      );
    }
    if (!this.devices && present.some((d) => d._id.startsWith('sub:'))) {
      const mine = (await listDevices(this.ops)).filter((r) => accountsOf(r).includes(this.viewer.username));
      this.devices = new Set(mine.map((r) => r.deviceId));
    }
    const own = (device: string) => this.devices?.has(device) === true;
    return docs.map(
      (d) => d !== undefined && mayView(this.viewer, d._id, d, (id) => this.cases.get(id), own),
    );
  }

  /** Ids of these documents the caller may see, reading the current winners (for reads by id). */
  async visibleIds(ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const winners = await this.db.winnersWithHistory(unique);
    const ok = await this.visible(winners);
    return new Set(unique.filter((_, i) => ok[i]));
  }

  /**
   * A case the caller does not see now but held before (a transfer, an unshare): their device may
   * hold its personal data, so the compact door lists it in `gone` and the device drops the case and
   * its records (decision 136). Others' cases are never named to them.
   */
  leftTheirView(doc: Doc): boolean {
    return doc._id.startsWith('case:') && !doc._deleted && everHeld(doc as CaseLike, this.viewer.username);
  }
}
