import { CaseBody } from '@tern/cases';
import type { CaseStatus } from '@tern/cases';
import type { DocRow, TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import { caseIndexes, dropCaseIndexes } from './case-index-registry.ts';
import type { Review } from './case-store.ts';

/**
 * The device's case index: every case and form of one mission, decrypted ONCE after unlock and kept in
 * memory only, so that search by name (names are sealed at rest) and filters answer in milliseconds
 * over thousands of cases. Never written anywhere: IndexedDB and localStorage hold ciphertext only
 * (docs/security.md). Saves update it directly (`put`); after a sync `refresh` re-reads the rows and
 * decrypts only those whose revision or state changed. Dropped on lock (`dropCaseIndex`).
 */

/** Whether a row waits for an admin at headquarters (set by the sync layer when it knows). */
export function inConflict(row: Pick<DocRow, 'syncState'>): boolean {
  if (row.syncState === 'conflict') return true;
  const review = (row as { review?: { leaves?: unknown[]; disputed?: unknown[] } }).review;
  return Boolean(review && ((review.leaves?.length ?? 0) > 0 || (review.disputed?.length ?? 0) > 0));
}

export interface CaseEntry {
  id: string;
  rev: string;
  syncState: DocRow['syncState'];
  conflict: boolean;
  updatedAt: string;
  /**
   * When the case or one of its forms was last filled or changed by a person (the bodies' own times),
   * not when a row arrived on this device: what "Last change" shows and the list is sorted by.
   */
  lastChange: string;
  body: CaseBody;
  /** Lower-case code and names without diacritics: what the search box matches. */
  haystack: string;
  forms: Set<string>;
}

export interface FormEntry {
  id: string;
  rev: string;
  syncState: DocRow['syncState'];
  conflict: boolean;
  rejected: boolean;
  createdAt: string;
  updatedAt: string;
  /** When a person last filled it in: the body's edit time, else its creation (not the row's arrival). */
  filledAt: string;
  /** Who last filled it in (the editor, else the maker); absent on records from before names were kept. */
  filledBy?: string;
  form: string;
  caseId?: string;
  review?: Review;
}

export interface CaseFilter {
  text?: string;
  status?: CaseStatus | '';
  form?: string;
  assignedTo?: string;
  /** Case opened on or after / before or on (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** Case-folded, without diacritics (é → e, Arabic harakat dropped), whitespace collapsed. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function haystackOf(body: CaseBody): string {
  return fold([body.code, body.pii.fullName, body.pii.otherNames ?? ''].join(' '));
}

const later = (a: string, b: string) => (a < b ? b : a);

/** The case body's own last change: its edit time, its last status change or assignment. */
function bodyChange(body: CaseBody): string {
  let at = body.updatedAt ?? body.createdAt;
  for (const h of body.history) at = later(at, h.at);
  for (const a of body.assignments ?? []) at = later(at, a.at);
  return at;
}

/**
 * How well a case matches the typed words: 0 when the code starts with the query, 1 when every word
 * starts a word of the code or names ("mal" finds Malik before Kamala), 2 when every word is only
 * inside one; -1 when a word is missing. `haystack` is folded, words too.
 */
export function matchRank(haystack: string, query: string, words: readonly string[]): number {
  if (words.length === 0) return 0;
  if (haystack.startsWith(query)) return 0;
  let rank = 1;
  for (const w of words) {
    const at = haystack.indexOf(w);
    if (at < 0) return -1;
    if (at === 0 || haystack.charCodeAt(at - 1) === 32) continue;
    // The first hit is inside a word: look for one at a word start before settling for 2.
    if (!haystack.includes(` ${w}`)) rank = 2;
  }
  return rank;
}

/** The freshness of a row: a change of any of these needs a new decryption. */
const stamp = (r: Pick<DocRow, 'rev' | 'syncState' | 'updatedAt'>) =>
  `${r.rev} ${r.syncState} ${r.updatedAt}`;

export class CaseIndex {
  private cases = new Map<string, CaseEntry>();
  private forms = new Map<string, FormEntry>();
  private stamps = new Map<string, string>();
  private sorted: CaseEntry[] | null = null;
  private listeners = new Set<() => void>();
  private building: Promise<void> | null = null;
  /** Bumped on every change: React reads it to know when to search again. */
  version = 0;

  constructor(
    private readonly db: TernDb,
    private readonly key: CryptoKey,
    readonly mission: string,
  ) {}

  /** Build on first use, then reuse; concurrent callers share one build. */
  ready(): Promise<void> {
    this.building ??= this.refresh();
    return this.building;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed() {
    this.sorted = null;
    this.version += 1;
    for (const fn of this.listeners) fn();
  }

  /** Re-read the mission's rows; decrypt only new or changed ones, forget removed ones. */
  async refresh(): Promise<void> {
    const docs = docsOf(this.db);
    const rows = await docs.find({ mission: this.mission });
    const seen = new Set<string>();
    const stale = rows.filter((r) => {
      if (r.type !== 'case' && r.type !== 'sub') return false;
      seen.add(r.id);
      return this.stamps.get(r.id) !== stamp(r);
    });
    // Decrypt in parallel: WebCrypto queues the work; awaiting each in turn would serialise it.
    const bodies = await Promise.all(stale.map((r) => docs.openBody(this.key, r).catch(() => null)));
    stale.forEach((r, i) => {
      const body = bodies[i];
      if (body) this.apply(r, body, true);
    });
    if (stale.length > 0) this.relinkForms();
    let removed = false;
    for (const id of [...this.stamps.keys()])
      if (!seen.has(id)) {
        this.forget(id);
        removed = true;
      }
    if (stale.length > 0 || removed) this.changed();
  }

  /** A row just saved on this device, with the body it was sealed from: no decryption needed. */
  put(row: DocRow, body: Record<string, unknown>): void {
    this.apply(row, body);
    this.changed();
  }

  private forget(id: string) {
    this.stamps.delete(id);
    const f = this.forms.get(id);
    this.forms.delete(id);
    this.cases.delete(id);
    const c = f?.caseId ? this.cases.get(f.caseId) : undefined;
    if (c) c.forms = this.formsOfCase(c.id);
  }

  private apply(row: DocRow, body: Record<string, unknown>, bulk = false) {
    this.stamps.set(row.id, stamp(row));
    if (row.deleted) {
      this.forget(row.id);
      return;
    }
    if (row.type === 'case') {
      const parsed = CaseBody.safeParse(body);
      if (!parsed.success) return;
      const previous = this.cases.get(row.id);
      this.cases.set(row.id, {
        id: row.id,
        rev: row.rev,
        syncState: row.syncState,
        conflict: inConflict(row),
        updatedAt: row.updatedAt,
        lastChange: bodyChange(parsed.data),
        body: parsed.data,
        haystack: haystackOf(parsed.data),
        // A bulk refresh links forms to cases at its end (relinkForms).
        forms: previous?.forms ?? (bulk ? new Set() : this.formsOfCase(row.id)),
      });
      if (!bulk) this.touchCase(row.id);
      return;
    }
    const caseId = typeof body.caseId === 'string' ? body.caseId : undefined;
    const createdAt = typeof body.createdAt === 'string' ? body.createdAt : row.createdAt;
    const filledBy = [body.updatedBy, body.createdBy].find((x): x is string => typeof x === 'string' && !!x);
    const entry: FormEntry = {
      id: row.id,
      rev: row.rev,
      syncState: row.syncState,
      conflict: inConflict(row),
      rejected: row.syncState === 'rejected',
      createdAt,
      updatedAt: row.updatedAt,
      filledAt: typeof body.updatedAt === 'string' ? later(createdAt, body.updatedAt) : createdAt,
      ...(filledBy ? { filledBy } : {}),
      form: String(body.form ?? ''),
      ...(caseId ? { caseId } : {}),
      ...(body.review && typeof body.review === 'object' ? { review: body.review as Review } : {}),
    };
    this.forms.set(row.id, entry);
    const c = caseId ? this.cases.get(caseId) : undefined;
    if (c) {
      c.forms.add(entry.form);
      if (entry.syncState !== 'draft') c.lastChange = later(c.lastChange, entry.filledAt);
    }
  }

  /** Rebuild every case's set of forms and last change in one pass (a form may arrive before its case). */
  private relinkForms() {
    for (const c of this.cases.values()) {
      c.forms = new Set();
      c.lastChange = bodyChange(c.body);
    }
    for (const f of this.forms.values()) {
      const c = f.caseId ? this.cases.get(f.caseId) : undefined;
      if (!c) continue;
      c.forms.add(f.form);
      if (f.syncState !== 'draft') c.lastChange = later(c.lastChange, f.filledAt);
    }
  }

  /** One case's last change again, from its body and its saved forms. */
  private touchCase(id: string) {
    const c = this.cases.get(id);
    if (!c) return;
    c.lastChange = bodyChange(c.body);
    for (const f of this.forms.values())
      if (f.caseId === id && f.syncState !== 'draft') c.lastChange = later(c.lastChange, f.filledAt);
  }

  private formsOfCase(caseId: string): Set<string> {
    const out = new Set<string>();
    for (const f of this.forms.values()) if (f.caseId === caseId) out.add(f.form);
    return out;
  }

  get size(): number {
    return this.cases.size;
  }

  get(id: string): CaseEntry | undefined {
    return this.cases.get(id);
  }

  /** Cases, most recently changed first (kept sorted between changes). */
  all(): CaseEntry[] {
    this.sorted ??= [...this.cases.values()].sort((a, b) =>
      a.lastChange < b.lastChange ? 1 : a.lastChange > b.lastChange ? -1 : 0,
    );
    return this.sorted;
  }

  /**
   * Cases matching every word of `text` (in the code or the names) and every filter. Ranked: a code
   * that starts with the query first, then names where every word starts a word, then the rest (see
   * `matchRank`); most recent first within a rank. Returns the total and at most `limit` entries: a
   * screen shows a page, not 5,000 rows. One pass, no sort: the recency order is kept by `all()`.
   */
  search(filter: CaseFilter, limit = 50): { total: number; rows: CaseEntry[] } {
    const query = fold(filter.text ?? '');
    const words = query.split(' ').filter(Boolean);
    const ranks: CaseEntry[][] = [[], [], []];
    let total = 0;
    for (const c of this.all()) {
      if (filter.status && c.body.status !== filter.status) continue;
      if (filter.assignedTo && c.body.assignedTo !== filter.assignedTo) continue;
      if (filter.form && !c.forms.has(filter.form)) continue;
      if (filter.from && c.body.createdAt.slice(0, 10) < filter.from) continue;
      if (filter.to && c.body.createdAt.slice(0, 10) > filter.to) continue;
      const rank = matchRank(c.haystack, query, words);
      if (rank < 0) continue;
      total += 1;
      if (ranks[rank]!.length < limit) ranks[rank]!.push(c);
    }
    return { total, rows: ranks.flat().slice(0, limit) };
  }

  /** People cases are assigned to, for the filter. */
  assignees(): string[] {
    return [...new Set([...this.cases.values()].map((c) => c.body.assignedTo ?? ''))].filter(Boolean).sort();
  }

  formsOf(caseId: string): FormEntry[] {
    return [...this.forms.values()]
      .filter((f) => f.caseId === caseId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  form(id: string): FormEntry | undefined {
    return this.forms.get(id);
  }

  /** Saved forms of cases that wait for a data officer: never reviewed, or resubmitted. */
  reviewQueue(): FormEntry[] {
    return [...this.forms.values()]
      .filter(
        (f) =>
          f.caseId &&
          f.syncState !== 'draft' &&
          f.review?.state !== 'approved' &&
          f.review?.state !== 'returned',
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Forms a data officer returned, for the interviewer of the case (or everyone's, without a name). */
  returned(to?: string): FormEntry[] {
    return [...this.forms.values()]
      .filter((f) => f.review?.state === 'returned')
      .filter((f) => !to || (f.caseId && this.cases.get(f.caseId)?.body.assignedTo === to))
      .sort((a, b) => (b.review?.at ?? '').localeCompare(a.review?.at ?? ''));
  }
}

/** One index per unlocked mission key; dropped on lock so no clear name outlives the session. */
export function caseIndex(db: TernDb, key: CryptoKey, mission: string): CaseIndex {
  const id = `${db.name} ${mission}`;
  const got = caseIndexes.get(id);
  if (got && got.key === key && got.index instanceof CaseIndex) return got.index;
  const index = new CaseIndex(db, key, mission);
  caseIndexes.set(id, { key, index });
  return index;
}

export { dropCaseIndexes };
