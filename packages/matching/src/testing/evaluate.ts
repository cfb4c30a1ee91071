import type { EvaluationRecord } from './evaluation-set.ts';

export interface PrecisionRecall {
  readonly predicted: number;
  readonly truePositives: number;
  readonly truePairs: number;
  readonly precision: number;
  readonly recall: number;
}

/** Precision and recall of predicted pairs (indices into `records`) against the planted identities. */
export function precisionRecall(
  records: readonly EvaluationRecord[],
  predicted: Iterable<readonly [number, number]>,
): PrecisionRecall {
  const sizes = new Map<number, number>();
  for (const r of records) sizes.set(r.identity, (sizes.get(r.identity) ?? 0) + 1);
  let truePairs = 0;
  for (const k of sizes.values()) truePairs += (k * (k - 1)) / 2;
  let n = 0;
  let tp = 0;
  for (const [a, b] of predicted) {
    n++;
    if (records[a]!.identity === records[b]!.identity) tp++;
  }
  return {
    predicted: n,
    truePositives: tp,
    truePairs,
    precision: n === 0 ? 1 : tp / n,
    recall: truePairs === 0 ? 1 : tp / truePairs,
  };
}

/** The baseline: two records are one person when full name (case and spaces folded) and birth date are equal. */
export function exactMatchPairs(records: readonly EvaluationRecord[]): Array<[number, number]> {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.birthDate === undefined) return;
    const key = `${r.fullName.toLowerCase().replace(/\s+/g, ' ').trim()}|${r.birthDate}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const out: Array<[number, number]> = [];
  for (const g of groups.values())
    for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) out.push([g[x]!, g[y]!]);
  return out;
}
