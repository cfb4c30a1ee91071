import type { EvaluationRecord, EvaluationSet, IdentityTruth, Planted } from './evaluation-set.ts';

/** Recall over the true pairs of one kind (a pair can be of several kinds). */
export interface RecallRow {
  readonly kind: string;
  readonly truePairs: number;
  readonly found: number;
  readonly recall: number;
}

const PARTIAL: ReadonlySet<Planted['dob']> = new Set(['year-only', 'estimate', 'year-month']);
const HAS_MONTH: ReadonlySet<Planted['dob']> = new Set(['full', 'day-month-swapped', 'year-month']);
const HAS_DAY: ReadonlySet<Planted['dob']> = new Set(['full', 'day-month-swapped']);

/**
 * Whether another person of the set fits everything the two records of a true pair have in common:
 * same name and sex, and a date of birth, citizenship, place of birth and mother's family name that do not
 * contradict what both records state. Such a pair (typically a common name, one date missing,
 * nothing else) carries no evidence that tells it from a pair of namesakes: no model can recall it
 * without also linking namesakes, so recall is reported with and without these pairs.
 */
export function namesakeFits(
  a: EvaluationRecord,
  b: EvaluationRecord,
  truth: readonly IdentityTruth[],
  namesakes: ReadonlyMap<string, readonly number[]>,
): boolean {
  const t = truth[a.identity]!;
  const others = (namesakes.get(`${t.name}|${t.sex}`) ?? []).filter((id) => id !== a.identity);
  const da = a.planted.dob;
  const db = b.planted.dob;
  const bothDates = da !== 'missing' && db !== 'missing';
  const estimate = da === 'estimate' || db === 'estimate';
  return others.some((id) => {
    const n = truth[id]!;
    if (bothDates) {
      if (estimate ? Math.abs(n.year - t.year) > 2 : n.year !== t.year) return false;
      const sameDayMonth =
        (n.month === t.month && n.day === t.day) || (n.month === t.day && n.day === t.month);
      if (HAS_DAY.has(da) && HAS_DAY.has(db) && !sameDayMonth) return false;
      if (HAS_MONTH.has(da) && HAS_MONTH.has(db) && !HAS_DAY.has(da) && n.month !== t.month) return false;
    }
    if (a.placeOfBirth !== undefined && b.placeOfBirth !== undefined && n.place !== t.place) return false;
    if (a.citizenship !== undefined && b.citizenship !== undefined && n.country !== t.country) return false;
    if (a.relativesFamilyNames && b.relativesFamilyNames && n.motherFamily !== t.motherFamily) return false;
    return true;
  });
}

const ORDER = [
  'all true pairs',
  'with distinguishing evidence',
  'a namesake fits (no distinguishing evidence)',
  'same script',
  'scripts differ',
  'a typing mistake',
  'name order swapped',
  'both dates full and equal',
  'day and month swapped',
  'a partial or estimated date',
  'date missing on a side',
];

/** The kinds of a true pair: what was planted on either record. */
function kinds(a: EvaluationRecord, b: EvaluationRecord, indistinct: boolean): string[] {
  const out = ['all true pairs'];
  const x = a.planted;
  const y = b.planted;
  out.push(indistinct ? 'a namesake fits (no distinguishing evidence)' : 'with distinguishing evidence');
  if (x.script !== y.script) out.push('scripts differ');
  else out.push('same script');
  if (x.misspelt || y.misspelt) out.push('a typing mistake');
  if (x.swapped !== y.swapped) out.push('name order swapped');
  if (x.dob === 'missing' || y.dob === 'missing') out.push('date missing on a side');
  else if (PARTIAL.has(x.dob) || PARTIAL.has(y.dob)) out.push('a partial or estimated date');
  else if (x.dob !== y.dob) out.push('day and month swapped');
  else out.push('both dates full and equal');
  return out;
}

/**
 * Recall of the true pairs broken down by what was planted on them, given the pairs found (as
 * `a·n + b` codes, a < b). Rows in a fixed order, every kind present even when empty.
 */
export function recallBreakdown(set: EvaluationSet, found: ReadonlySet<number>): RecallRow[] {
  const n = set.records.length;
  const namesakes = new Map<string, number[]>();
  set.truth.forEach((t, id) => {
    const key = `${t.name}|${t.sex}`;
    const g = namesakes.get(key);
    if (g) g.push(id);
    else namesakes.set(key, [id]);
  });
  const byIdentity = new Map<number, number[]>();
  set.records.forEach((r, i) => {
    const g = byIdentity.get(r.identity);
    if (g) g.push(i);
    else byIdentity.set(r.identity, [i]);
  });
  const rows = new Map<string, { truePairs: number; found: number }>();
  for (const g of byIdentity.values())
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) {
        const a = set.records[g[x]!]!;
        const b = set.records[g[y]!]!;
        const hit = found.has(g[x]! * n + g[y]!);
        for (const k of kinds(a, b, namesakeFits(a, b, set.truth, namesakes))) {
          const row = rows.get(k) ?? { truePairs: 0, found: 0 };
          row.truePairs++;
          if (hit) row.found++;
          rows.set(k, row);
        }
      }
  // Kinds in ORDER; one that is not listed (none today) goes last.
  const order = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return [...rows]
    .sort(([x], [y]) => order(x) - order(y))
    .map(([kind, r]) => ({ kind, ...r, recall: r.truePairs === 0 ? 1 : r.found / r.truePairs }));
}
