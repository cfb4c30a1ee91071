import type { ResearchRow } from '../rows/research-row.ts';
import { ResearchError } from '../errors.ts';
import { MIN_K } from '../disclosure/parameters.ts';
import { MISSING, ctdcRecord, toCsv } from './ctdc-format.ts';
import type { CtdcRecord } from './ctdc-format.ts';
import { HIERARCHIES } from './hierarchies.ts';

/**
 * A k-anonymous CTDC microdata file, as ARX makes one: full-domain generalisation over the lattice of
 * the hierarchies (hierarchies.ts), the node of least information loss whose outliers (records in a
 * class under k) stay within the suppression limit; then **local suppression**: each outlier loses as
 * few quasi-identifier cells as possible (one, then two, …) until it falls in a class of at least k.
 * Only outliers that no suppression pattern can place are dropped. Every class of the file then has at
 * least k records — CTDC's k = 11 over its quasi-identifiers.
 */
export interface KAnonymityOptions {
  k?: number;
  /** The largest share of records a lattice node may leave as outliers (ARX's suppression limit). */
  maxOutliers?: number;
}

export interface KAnonymityReport {
  k: number;
  records: number;
  exported: number;
  /** Records dropped entirely (no suppression pattern placed them). */
  recordsDropped: number;
  /** Records with at least one quasi-identifier cell suppressed by local suppression. */
  recordsTouched: number;
  /** Quasi-identifier cells set to -99 by local suppression (not missing before). */
  cellsSuppressed: number;
  /** All quasi-identifier cells of the input (records × hierarchies). */
  cells: number;
  /** The chosen level of each hierarchy (0 = as recorded). */
  levels: Record<string, number>;
  classes: number;
  smallestClass: number;
}

export interface KAnonymousExport {
  records: CtdcRecord[];
  csv: string;
  report: KAnonymityReport;
}

const SEP = '\u0000';

function checkK(k: number): number {
  if (!Number.isInteger(k) || k < MIN_K)
    throw new ResearchError(
      'TERN_RESEARCH_BAD_PARAMETER',
      `k must be an integer of at least ${MIN_K} (got ${k})`,
    );
  return k;
}

/** The quasi-identifier values of a record at lattice node `node` (one level per hierarchy). */
const atNode = (r: CtdcRecord, node: readonly number[]) =>
  HIERARCHIES.map((h, i) => h.generalise(r, node[i]!));

export function kAnonymousCtdc(rows: readonly ResearchRow[], o: KAnonymityOptions = {}): KAnonymousExport {
  const k = checkK(o.k ?? MIN_K);
  const maxOutliers = o.maxOutliers ?? 0.2;
  const base = rows.map(ctdcRecord);
  // Records grouped by their level-0 quasi-identifiers; each group's value at every level of every
  // hierarchy as a small integer, so a lattice node's classes are counted with integer keys.
  const groups = new Map<string, { rep: CtdcRecord; n: number; index: number }>();
  const groupOf = new Int32Array(base.length);
  base.forEach((r, i) => {
    const key = atNode(r, [0, 0, 0, 0, 0]).flat().join(SEP);
    let g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, (g = { rep: r, n: 1, index: groups.size }));
    groupOf[i] = g.index;
  });
  const reps = [...groups.values()];
  const coded = HIERARCHIES.map((h) =>
    Array.from({ length: h.levels }, (_, level) => {
      const ids = new Map<string, number>();
      const codes = Int32Array.from(reps, (g) => {
        const v = h.generalise(g.rep, level).join(SEP);
        let id = ids.get(v);
        if (id === undefined) ids.set(v, (id = ids.size));
        return id;
      });
      return { codes, size: Math.max(1, ids.size) };
    }),
  );
  let best: { node: number[]; loss: number } | null = null;
  const node = HIERARCHIES.map(() => 0);
  const visit = (i: number): void => {
    if (i === HIERARCHIES.length) {
      const sizes = new Map<number, number>();
      const columns = node.map((l, j) => coded[j]![l]!);
      for (let g = 0; g < reps.length; g++) {
        let key = 0;
        for (const c of columns) key = key * c.size + c.codes[g]!;
        sizes.set(key, (sizes.get(key) ?? 0) + reps[g]!.n);
      }
      let outliers = 0;
      for (const n of sizes.values()) if (n < k) outliers += n;
      const share = base.length ? outliers / base.length : 0;
      if (share > maxOutliers) return;
      // Loss: the mean generalisation height over the hierarchies, plus the outliers' share times the
      // part of a record local suppression takes (about one and a half of five identifying cells).
      const height = HIERARCHIES.reduce((s, h, j) => s + node[j]! / (h.levels - 1), 0) / HIERARCHIES.length;
      const loss = height + (share * 1.5) / HIERARCHIES.length;
      if (!best || loss < best.loss - 1e-12) best = { node: [...node], loss };
      return;
    }
    for (let l = 0; l < HIERARCHIES[i]!.levels; l++) {
      node[i] = l;
      visit(i + 1);
    }
    node[i] = 0;
  };
  visit(0);
  // The top node (everything suppressed) always qualifies unless there are fewer than k records.
  const chosen: number[] = (best as { node: number[] } | null)?.node ?? HIERARCHIES.map((h) => h.levels - 1);

  const perGroup = reps.map((g) => atNode(g.rep, chosen));
  const generalised = base.map((r, i) => ({ r, qi: perGroup[groupOf[i]!]! }));
  const keyOf = (qi: string[][]) => qi.flat().join(SEP);
  const sizes = new Map<string, number>();
  for (const g of generalised) sizes.set(keyOf(g.qi), (sizes.get(keyOf(g.qi)) ?? 0) + 1);
  const placed = new Map<string, number>();
  let outliers: typeof generalised = [];
  const kept: Array<{ r: CtdcRecord; qi: string[][]; suppressed: number }> = [];
  for (const g of generalised) {
    const key = keyOf(g.qi);
    if (sizes.get(key)! >= k) {
      placed.set(key, (placed.get(key) ?? 0) + 1);
      kept.push({ ...g, suppressed: 0 });
    } else outliers.push(g);
  }
  // Local suppression: suppression patterns by number of cells, the widest hierarchies first.
  const order = [3, 4, 0, 2, 1]; // citizenship, country of exploitation, year, age, gender
  const patterns: number[][] = [];
  for (let size = 1; size <= HIERARCHIES.length; size++) {
    const pick = (from: number, acc: number[]): void => {
      if (acc.length === size) return void patterns.push(acc);
      for (let i = from; i < order.length; i++) pick(i + 1, [...acc, order[i]!]);
    };
    pick(0, []);
  }
  for (const pattern of patterns) {
    if (outliers.length === 0) break;
    const proposals = new Map<
      string,
      Array<{ g: (typeof generalised)[number]; qi: string[][]; cells: number }>
    >();
    for (const g of outliers) {
      const qi = g.qi.map((vs, i) => (pattern.includes(i) ? vs.map(() => MISSING) : vs));
      const cells = pattern.filter((i) => g.qi[i]!.some((v) => v !== MISSING)).length;
      const key = keyOf(qi);
      const list = proposals.get(key) ?? [];
      list.push({ g, qi, cells });
      proposals.set(key, list);
    }
    const rest: typeof generalised = [];
    for (const [key, list] of proposals) {
      if ((placed.get(key) ?? 0) + list.length >= k) {
        placed.set(key, (placed.get(key) ?? 0) + list.length);
        for (const p of list) kept.push({ r: p.g.r, qi: p.qi, suppressed: p.cells });
      } else rest.push(...list.map((p) => p.g));
    }
    outliers = rest;
  }
  // The records are this export's own (ctdcRecord made them): their identifying cells are set in place.
  const records = kept.map(({ r, qi }) => {
    HIERARCHIES.forEach((h, i) => h.columns.forEach((c, j) => (r[c] = qi[i]![j]!)));
    return r;
  });
  const classSizes = [...placed.values()].filter((n) => n > 0);
  return {
    records,
    csv: toCsv(records),
    report: {
      k,
      records: base.length,
      exported: records.length,
      recordsDropped: outliers.length,
      recordsTouched: kept.filter((x) => x.suppressed > 0).length,
      cellsSuppressed: kept.reduce((s, x) => s + x.suppressed, 0),
      cells: base.length * HIERARCHIES.length,
      levels: Object.fromEntries(HIERARCHIES.map((h, i) => [h.name, chosen[i]!])),
      classes: classSizes.length,
      smallestClass: classSizes.length ? Math.min(...classSizes) : 0,
    },
  };
}

/** The naive way: drop every record whose class (as recorded, nothing generalised) is under k. */
export function naiveKAnonymousCtdc(
  rows: readonly ResearchRow[],
  k = MIN_K,
): { records: CtdcRecord[]; dropped: number } {
  checkK(k);
  const base = rows.map(ctdcRecord);
  const keyOf = (r: CtdcRecord) => atNode(r, [0, 0, 0, 0, 0]).flat().join(SEP);
  const sizes = new Map<string, number>();
  for (const r of base) sizes.set(keyOf(r), (sizes.get(keyOf(r)) ?? 0) + 1);
  const records = base.filter((r) => sizes.get(keyOf(r))! >= k);
  return { records, dropped: base.length - records.length };
}
