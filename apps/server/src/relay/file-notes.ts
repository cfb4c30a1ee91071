import type { DocStore, StoredDoc } from '@tern/store';
import { retryDelay } from './refused-revisions.ts';

/**
 * Where one file of a media answer stands between the relay and headquarters (decisions 229–230),
 * kept in the relay's ops database (never replicated): `relay-file:<sha-256>` while it still has to
 * move one way or the other, `relay-file-done:<sha-256>` once the relay holds it complete **and**
 * headquarters acknowledged holding it complete. Nothing but that acknowledgement closes a note.
 */
export interface FileNote extends StoredDoc {
  digest: string;
  /** The record (last seen at the relay) whose answers name the file: headquarters takes it for that record. */
  record: string;
  /** The size `record` names. */
  size: number;
  /**
   * The size each record seen here names the file with (the last few records). A record that names it
   * with another size (a mistake, or a member who copied the digest into a record of theirs) must not
   * stall it: the file goes with a record that names the size its bytes have (`forSize`).
   */
  namedBy?: Record<string, number>;
  mediaType: string;
  /**
   * Where the file was at the last look: `up` (the relay holds it, headquarters not yet), `down`
   * (headquarters holds it, the relay not yet), `tablet` (neither: still on the device that took it),
   * `new` (not looked at yet).
   */
  state: 'up' | 'down' | 'tablet' | 'new';
  /** A data officer at the relay asked to open it: it goes first at the next pass. */
  asked: boolean;
  /** Headquarters' words (with its code) or the relay's, when the last try failed; null otherwise. */
  error: string | null;
  code: string | null;
  attempts: number;
  /**
   * Looks in a row that found the file on neither side: each doubles the wait before headquarters is
   * asked again (from the base, at most 30 minutes), so files still on tablets cost the link little.
   */
  looks?: number;
  /** When it is tried again after a failure (ISO); the first look is at once. */
  nextAt: string;
  seenAt: string;
}

/** What a closed note keeps: that headquarters acknowledged the file, and when. */
export interface FileDone extends StoredDoc {
  digest: string;
  record: string;
  at: string;
}

const OPEN = 'relay-file:';
/** Records remembered per file in `namedBy`: the most recent ones. */
const NAMED_BY_MAX = 8;
/** The longest wait before asking headquarters again about a file neither side holds. */
const QUIET_MAX_MS = 30 * 60_000;
const DONE = 'relay-file-done:';
/** Where the relay's look through its records for the files they name stands (file-replicator.ts). */
export const SCAN_POINT = 'relay-files-scan';

/**
 * Headquarters or the relay was restored from a backup (the replication starts a new session,
 * mission-replicator.ts): what headquarters acknowledged may be gone with it. Every closed note is
 * forgotten and the look through the records starts again, so each file a record here names is looked
 * at anew: confirmed again where headquarters still holds it, sent again where it does not (decision
 * 229). Returns how many closed notes were forgotten.
 */
export async function forgetAcknowledged(ops: DocStore): Promise<number> {
  let forgotten = 0;
  for (;;) {
    const page = await ops.list<FileDone>(DONE, { limit: 500 });
    for (const d of page) await ops.remove(d._id, d._rev);
    forgotten += page.length;
    if (page.length < 500) break;
  }
  const scan = await ops.get<StoredDoc>(SCAN_POINT);
  if (scan) await ops.remove(scan._id, scan._rev);
  return forgotten;
}

export class FileNotes {
  constructor(
    private readonly ops: DocStore,
    private readonly baseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every open note (paged reads; the list is what is still moving, not the mission's files). */
  async open(): Promise<FileNote[]> {
    const out: FileNote[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.ops.list<FileNote>(OPEN, { limit: 500, ...(cursor ? { cursor } : {}) });
      out.push(...page);
      if (page.length < 500) return out;
      cursor = page[page.length - 1]!._id;
    }
  }

  get(digest: string): Promise<FileNote | undefined> {
    return this.ops.get<FileNote>(OPEN + digest);
  }

  async isDone(digest: string): Promise<boolean> {
    return (await this.ops.get<FileDone>(DONE + digest)) !== undefined;
  }

  /** A record at the relay names the file: open a note unless one is open or closed already. */
  async seen(ref: { digest: string; size: number; mediaType: string }, record: string): Promise<void> {
    const [open, done] = await this.ops.getMany<StoredDoc>([OPEN + ref.digest, DONE + ref.digest]);
    if (done) return;
    if (open) {
      const n = open as FileNote;
      const namedBy = remember(n.namedBy, record, ref.size);
      // The note follows the latest record that names the file at the note's size; one naming another
      // size is only remembered.
      const follow = ref.size === n.size ? record : n.record;
      if (follow !== n.record || namedBy !== n.namedBy) await this.ops.put({ ...n, record: follow, namedBy });
      return;
    }
    const at = new Date(this.now()).toISOString();
    const note: FileNote = {
      _id: OPEN + ref.digest,
      digest: ref.digest,
      record,
      size: ref.size,
      namedBy: { [record]: ref.size },
      mediaType: ref.mediaType,
      state: 'new',
      asked: false,
      error: null,
      code: null,
      attempts: 0,
      nextAt: at,
      seenAt: at,
    };
    await this.ops.put(note);
  }

  /** Is the note's next try due (asked files always are)? */
  due(n: FileNote): boolean {
    return n.asked || Date.parse(n.nextAt) <= this.now();
  }

  async update(n: FileNote, change: Partial<FileNote>): Promise<FileNote> {
    const next = { ...n, ...change };
    next._rev = await this.ops.put(next);
    return next;
  }

  /** The try failed: note why, wait longer before the next (doubling from the base, 6 h at most). */
  failed(n: FileNote, reason: string, code: string | null): Promise<FileNote> {
    const attempts = n.attempts + 1;
    return this.update(n, {
      error: reason,
      code,
      attempts,
      asked: false,
      nextAt: new Date(this.now() + retryDelay(this.baseMs, attempts)).toISOString(),
    });
  }

  /** Neither side holds it yet: look again later, a little later each time (no error: nothing failed). */
  onTablets(n: FileNote): Promise<FileNote> {
    const looks = (n.looks ?? 0) + 1;
    const wait = Math.min(QUIET_MAX_MS, this.baseMs * 2 ** Math.min(looks - 1, 20));
    return this.update(n, {
      state: 'tablet',
      error: null,
      code: null,
      asked: false,
      looks,
      nextAt: new Date(this.now() + wait).toISOString(),
    });
  }

  /** Headquarters acknowledged the file and the relay holds it: the note closes. */
  async done(n: FileNote): Promise<void> {
    const done: FileDone = {
      _id: DONE + n.digest,
      digest: n.digest,
      record: n.record,
      at: new Date(this.now()).toISOString(),
    };
    await this.ops.put(done).catch(async (e: unknown) => {
      // Closed already (a second pass raced this one): the open note still goes.
      if (!(await this.isDone(n.digest))) throw e;
    });
    await this.ops.remove(n._id, n._rev);
  }

  /** An asked file: first at the next pass. False when no record at the relay names it. */
  async ask(digest: string): Promise<FileNote | undefined> {
    const n = await this.get(digest);
    if (!n) return undefined;
    return n.asked ? n : this.update(n, { asked: true });
  }
}

/** `namedBy` with `record` naming `size` (the most recent last, at most NAMED_BY_MAX); the same object when nothing changed. */
function remember(
  namedBy: Record<string, number> | undefined,
  record: string,
  size: number,
): Record<string, number> {
  if (namedBy?.[record] === size) return namedBy;
  const entries = Object.entries(namedBy ?? {}).filter(([r]) => r !== record);
  entries.push([record, size]);
  return Object.fromEntries(entries.slice(-NAMED_BY_MAX));
}

/**
 * The note's record and size for a file that is `size` bytes (what the relay or headquarters holds,
 * its sha-256 checked): unchanged when its record names that size, else a record seen here that does;
 * null when none does (yet).
 */
export function forSize(n: FileNote, size: number): Pick<FileNote, 'record' | 'size'> | null {
  if (n.size === size) return { record: n.record, size };
  const other = Object.entries(n.namedBy ?? {})
    .reverse()
    .find(([, s]) => s === size);
  return other ? { record: other[0], size } : null;
}
