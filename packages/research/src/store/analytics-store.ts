import type { Dimension } from '../dimensions.ts';
import type { Fragment } from '../rows/fragments.ts';
import type { ResearchRow } from '../rows/research-row.ts';

/**
 * The analytics store: de-identified fragments and rows (../rows/), a checkpoint per mission feed, and
 * one question — counts of the finest cells a table needs. Nothing here is fit to publish: every count
 * passes the disclosure control (../disclosure/) before it leaves the server.
 */
export interface AnalyticsStore {
  /** Why the store was found missing, corrupt or built with another secret and made anew, if it was. */
  readonly recreated: Recreation | null;
  /**
   * Apply one batch of one mission's feed atomically: fragments upserted by document, documents
   * removed, the rows of every case they touch made again, and the checkpoint moved to `seq`.
   */
  apply(batch: FeedBatch): Promise<void>;
  checkpoint(mission: string): Promise<Checkpoint | null>;
  /** How fresh the store is for these missions (all it knows when omitted). */
  status(missions?: readonly string[]): Promise<AnalyticsStatus>;
  /**
   * The people behind the cases: each group is the case refs (`ResearchKeys.caseRef`) of one person,
   * linked by reviewers across missions (decision 182). Replaces the groups held before; a case in no
   * group is a person of its own. Kept through `reset` (the links are not in the missions' feeds).
   */
  setPeople(groups: readonly (readonly string[])[]): Promise<void>;
  /** Exact counts and key sums of the cells of `dims`, among the rows that pass `filters`. */
  fineCounts(query: FineQuery): Promise<FineCount[]>;
  /** The rows of these missions: for the k-anonymous CTDC export only (../ctdc/), never published as is. */
  rows(missions: readonly string[]): Promise<ResearchRow[]>;
  /** Forget everything (a rebuild starts here). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface FeedBatch {
  mission: string;
  upserts: readonly Fragment[];
  /** Documents gone or no longer contributing (`ResearchKeys.docRef`). */
  deletes: readonly string[];
  /** The feed position this batch brings the mission to. */
  seq: string;
  /** When the feed was read: the mission's data is at least this fresh. */
  at: Date;
}

export interface Checkpoint {
  seq: string;
  asOf: string;
}

export interface AnalyticsStatus {
  /** The oldest checkpoint among the missions asked for: every answer carries it. Null if one has none. */
  asOf: string | null;
  /** Missions asked for that the store has never caught up with (a fresh or rebuilt store). */
  behind: string[];
  cases: number;
  recreated: Recreation | null;
}

export interface Recreation {
  at: string;
  reason: string;
}

/**
 * Values are what the store holds: a single dimension's code (or `unknown`), a multi dimension's
 * whole combination of codes joined with `;` (or `unknown`) — the disclosure layer decides how a
 * combination counts.
 */
export interface FineQuery {
  dims: readonly Dimension[];
  /**
   * `cases` (the default): every row counts. `people`: each person once — among the rows that pass
   * the filters, only the person's first case by ref counts, so every total, margin and sum of fine
   * cells counts a person once (decision 202).
   */
  unit?: CountUnit;
  /** Rows pass when, for every filtered dimension, their value (one of their values) is listed. */
  filters: Partial<Record<Dimension, readonly string[]>>;
}

/** What a research figure counts: cases, or people (linked cases once). */
export type CountUnit = 'cases' | 'people';

export interface FineCount {
  values: string[];
  n: number;
  /** The sum of the cell's record keys modulo 2^32: the cell key. */
  keySum: number;
}
