import type { DocStore, StoredDoc } from '@tern/store';

/**
 * Revisions headquarters refused (decision 209), kept in the relay's ops database (never replicated):
 * one document per refused revision, `relay-refused:<record id>:<rev>`. The record itself stays in the
 * relay's mission database as it was; this is the note that it has not reached headquarters, why, and
 * when the relay tries again. A note is removed only when headquarters holds the revision (it took it
 * on a retry, or took a later revision of the record whose history holds it). Nothing else removes it.
 */
export interface RefusedRevision extends StoredDoc {
  id: string;
  rev: string;
  /** Headquarters' words, with its code (`… (TERN_RELAY_AUTHOR_REFUSED, field updatedBy)`). */
  reason: string;
  /** The code in the reason, or null when headquarters named none. */
  code: string | null;
  firstAt: string;
  lastAt: string;
  /** How many times headquarters refused it (the first push included). */
  attempts: number;
  /** When the relay sends it again (ISO). */
  nextAt: string;
}

const PREFIX = 'relay-refused:';
/** The longest wait between two tries of one refused revision: a refusal is retried at least this often. */
export const MAX_RETRY_MS = 6 * 3600_000;

/** The wait before try `attempts + 1`: the base, doubled after each refusal, at most MAX_RETRY_MS. */
export function retryDelay(baseMs: number, attempts: number): number {
  return Math.min(MAX_RETRY_MS, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}

const codeOf = (reason: string): string | null => /\b(TERN_[A-Z_]+)\b/.exec(reason)?.[1] ?? null;

export class RefusedRevisions {
  constructor(
    private readonly ops: DocStore,
    private readonly baseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(id: string, rev: string): string {
    return `${PREFIX}${id}:${rev}`;
  }

  /** Every note, oldest record id first. */
  async all(): Promise<RefusedRevision[]> {
    const out: RefusedRevision[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.ops.list<RefusedRevision>(PREFIX, {
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      out.push(...page);
      if (page.length < 500) return out;
      cursor = page[page.length - 1]!._id;
    }
  }

  /** The notes whose next try is due now. */
  async due(): Promise<RefusedRevision[]> {
    const t = this.now();
    return (await this.all()).filter((r) => Date.parse(r.nextAt) <= t);
  }

  /** Headquarters refused `rev` (again): note it, count the try, and put the next one further off. */
  async refused(id: string, rev: string, reason: string): Promise<RefusedRevision> {
    const t = this.now();
    const at = new Date(t).toISOString();
    const old = await this.ops.get<RefusedRevision>(this.key(id, rev));
    const attempts = (old?.attempts ?? 0) + 1;
    const note: RefusedRevision = {
      _id: this.key(id, rev),
      ...(old?._rev ? { _rev: old._rev } : {}),
      id,
      rev,
      reason,
      code: codeOf(reason),
      firstAt: old?.firstAt ?? at,
      lastAt: at,
      attempts,
      nextAt: new Date(t + retryDelay(this.baseMs, attempts)).toISOString(),
    };
    note._rev = await this.ops.put(note);
    return note;
  }

  /** Headquarters holds it now: the note goes. */
  async settled(note: RefusedRevision): Promise<void> {
    await this.ops.remove(note._id);
  }
}
