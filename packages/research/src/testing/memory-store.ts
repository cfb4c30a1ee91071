import { isMulti } from '../dimensions.ts';
import type { Dimension } from '../dimensions.ts';
import type { CaseFragment, Fragment } from '../rows/fragments.ts';
import { rowFromFragments } from '../rows/research-row.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import { peoplePairs } from '../store/people.ts';
import type {
  AnalyticsStatus,
  AnalyticsStore,
  Checkpoint,
  FeedBatch,
  FineCount,
  FineQuery,
} from '../store/analytics-store.ts';

/** The store's value of a dimension, as DuckDB groups it (schema.ts `valueExpr`). */
const valueOf = (r: ResearchRow, d: Dimension): string => {
  const v = r[d];
  return Array.isArray(v) ? v.join(';') || 'unknown' : (v ?? 'unknown');
};

/**
 * The analytics store in memory: the same answers as the DuckDB store (a test compares them), fast
 * enough for the adversarial test's tens of thousands of queries. Tests and benchmarks only.
 */
export class MemoryAnalyticsStore implements AnalyticsStore {
  readonly recreated = null;
  private fragments = new Map<string, Fragment>();
  private byRef = new Map<string, ResearchRow>();
  private checkpoints = new Map<string, Checkpoint>();
  /** Case ref → the ref of its person (linked cases; decision 202). */
  private people = new Map<string, string>();

  /** A store holding these rows, caught up with their missions as of `at`. */
  static fromRows(rows: readonly ResearchRow[], at = new Date()): MemoryAnalyticsStore {
    const s = new MemoryAnalyticsStore();
    for (const r of rows) {
      s.byRef.set(r.ref, r);
      s.checkpoints.set(r.mission!, { seq: 'rows', asOf: at.toISOString() });
    }
    return s;
  }

  async apply(b: FeedBatch): Promise<void> {
    this.columns = null;
    const cases = new Set(b.upserts.map((f) => f.caseRef));
    for (const ref of [...b.upserts.map((f) => f.docRef), ...b.deletes]) {
      const old = this.fragments.get(ref);
      if (old) cases.add(old.caseRef);
      this.fragments.delete(ref);
    }
    for (const f of b.upserts) this.fragments.set(f.docRef, f);
    const byCase = new Map<string, Fragment[]>();
    for (const f of this.fragments.values())
      if (cases.has(f.caseRef)) byCase.set(f.caseRef, [...(byCase.get(f.caseRef) ?? []), f]);
    for (const ref of cases) {
      const fs = byCase.get(ref) ?? [];
      const row = rowFromFragments(
        fs.find((f): f is CaseFragment => f.kind === 'case'),
        fs.filter((f) => f.kind !== 'case'),
      );
      if (row) this.byRef.set(ref, row);
      else this.byRef.delete(ref);
    }
    this.checkpoints.set(b.mission, { seq: b.seq, asOf: b.at.toISOString() });
  }

  async checkpoint(mission: string): Promise<Checkpoint | null> {
    return this.checkpoints.get(mission) ?? null;
  }

  async status(missions?: readonly string[]): Promise<AnalyticsStatus> {
    const asked = missions ?? [...this.checkpoints.keys()];
    const behind = asked.filter((m) => !this.checkpoints.has(m));
    const times = asked
      .flatMap((m) => (this.checkpoints.has(m) ? [this.checkpoints.get(m)!.asOf] : []))
      .sort();
    const { codes, dict } = this.column('mission');
    const scope = Uint8Array.from(dict, (m) => (!missions || missions.includes(m) ? 1 : 0));
    let cases = 0;
    for (const c of codes) cases += scope[c]!;
    return { asOf: behind.length || !times.length ? null : times[0]!, behind, cases, recreated: null };
  }

  /** Columns of dictionary codes, made again after a change: a query is then a pass over integers. */
  private columns: Map<Dimension, { codes: Int32Array; dict: string[] }> | null = null;
  private keys: Float64Array = new Float64Array(0);

  private column(d: Dimension) {
    if (!this.columns) {
      this.columns = new Map();
      this.keys = Float64Array.from([...this.byRef.values()].map((r) => r.recordKey % 2 ** 32));
    }
    let c = this.columns.get(d);
    if (!c) {
      const index = new Map<string, number>();
      const dict: string[] = [];
      const codes = Int32Array.from(
        [...this.byRef.values()].map((r) => {
          const v = valueOf(r, d);
          let i = index.get(v);
          if (i === undefined) index.set(v, (i = dict.push(v) - 1));
          return i;
        }),
      );
      c = { codes, dict };
      this.columns.set(d, c);
    }
    return c;
  }

  async setPeople(groups: readonly (readonly string[])[]): Promise<void> {
    this.people = new Map(peoplePairs(groups));
  }

  async fineCounts(q: FineQuery): Promise<FineCount[]> {
    // A row passes a filter when its value (for a multi dimension: one of its values) is listed.
    const filters = Object.entries(q.filters).map(([name, vs]) => {
      const d = name as Dimension;
      const { codes, dict } = this.column(d);
      const listed = new Set(vs);
      const pass = Uint8Array.from(dict, (v) =>
        (isMulti(d) ? v.split(';').some((x) => listed.has(x)) : listed.has(v)) ? 1 : 0,
      );
      return { codes, pass };
    });
    const groups = q.dims.map((d) => this.column(d));
    this.column('mission'); // builds the record keys when no dimension or filter has (a table of no dimension)
    const keys = this.keys;
    const out = new Map<number, FineCount>();
    const n = keys.length;
    // People: the first passing row (by ref) of each person counts, the others are skipped.
    let skip: Uint8Array | null = null;
    if (q.unit === 'people') {
      skip = new Uint8Array(n);
      const refs = [...this.byRef.keys()];
      const first = new Map<string, number>();
      rows: for (let i = 0; i < n; i++) {
        for (const f of filters) if (f.pass[f.codes[i]!] === 0) continue rows;
        const person = this.people.get(refs[i]!) ?? refs[i]!;
        const j = first.get(person);
        if (j === undefined) first.set(person, i);
        else if (refs[i]! < refs[j]!) {
          skip[j] = 1;
          first.set(person, i);
        } else skip[i] = 1;
      }
    }
    rows: for (let i = 0; i < n; i++) {
      if (skip?.[i]) continue;
      for (const f of filters) if (f.pass[f.codes[i]!] === 0) continue rows;
      let key = 0;
      for (const g of groups) key = key * g.dict.length + g.codes[i]!;
      const c = out.get(key);
      if (c) {
        c.n += 1;
        c.keySum = (c.keySum + keys[i]!) % 2 ** 32;
      } else out.set(key, { values: groups.map((g) => g.dict[g.codes[i]!]!), n: 1, keySum: keys[i]! });
    }
    return [...out.values()];
  }

  async rows(missions: readonly string[]): Promise<ResearchRow[]> {
    return [...this.byRef.values()]
      .filter((r) => missions.includes(r.mission!))
      .sort((a, b) => (a.ref < b.ref ? -1 : 1));
  }

  async reset(): Promise<void> {
    this.columns = null;
    this.fragments.clear();
    this.byRef.clear();
    this.checkpoints.clear();
  }

  async close(): Promise<void> {}
}
