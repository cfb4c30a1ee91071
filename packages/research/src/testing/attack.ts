import type { Dimension } from '../dimensions.ts';
import type { TableQuery } from '../disclosure/table-query.ts';
import { CATEGORIES, KNOWN, SECRETS, shuffle } from './attack-data.ts';
import type { Known, Target } from './attack-data.ts';
import { prng } from '../synthetic/prng.ts';

/** What the attacker can ask: any table, answered by the control under test (Tern's or the naive one). */
export interface Answer {
  cells: Array<{ values: string[]; value: number }>;
  margins: Array<{ dim: Dimension; values: Array<{ value: string; total: number }> }>;
}
export type Oracle = (q: TableQuery) => Promise<Answer>;

/**
 * The attacker of issue 13. For each planted person it knows every quasi-identifier and more (attack-
 * data.ts `KNOWN`), not the type of exploitation, and it probes with tables by type of exploitation:
 * - **pair**: two tables that differ by one filter — a base B of the person's own values, then B plus
 *   "dimension j is anything but the person's value" — the difference is the people of B with the
 *   person's value of j, the person alone when B and j single them out;
 * - **pair, same filters**: the same, the first table filtering j on every value;
 * - **pair with control**: the second table against a third that drops another value of j instead;
 * - **margin tracker**: one table by type × j, the margin minus the cells of the other values of j;
 * - **padded tracker** (Denning's): j in {person's value + 3 common ones} minus j in {those 3};
 * - **repeats**: each pair asked three times and in an equivalent form (the base's own dimension as
 *   a second table dimension), averaged;
 * probes that involve the countries first (they single people out), each strategy scored alone and
 * all together. A probe is evidence when its difference is small (the
 * total within ±5 of one person): then each type's share of the difference is added to its score.
 * The guess is the best score, ties broken at random (seeded).
 */
export const STRATEGIES = [
  'pair',
  'pair, same filters',
  'pair with control',
  'margin tracker',
  'padded tracker',
  'repeats',
  'pair, against the others',
] as const;
export type Strategy = (typeof STRATEGIES)[number] | 'all together';

export interface AttackResult {
  queries: number;
  targets: number;
  /** Right guesses per strategy. */
  correct: Record<Strategy, number>;
}

type Scores = Map<string, number>;
const EXPLOITATION = 'exploitation';

function byType(a: Answer, at = 0): Scores {
  const s = new Map<string, number>();
  for (const c of a.cells)
    if (SECRETS.includes(c.values[at] as never)) s.set(c.values[at]!, (s.get(c.values[at]!) ?? 0) + c.value);
  return s;
}
const minus = (a: Scores, b: Scores): Scores =>
  new Map(SECRETS.map((e) => [e, (a.get(e) ?? 0) - (b.get(e) ?? 0)]));
const mean = (xs: Scores[]): Scores =>
  new Map(SECRETS.map((e) => [e, xs.reduce((s, x) => s + (x.get(e) ?? 0), 0) / xs.length]));

/** A small difference is evidence: each type gets its share of it. */
function evidence(score: Scores, diff: Scores): void {
  const total = SECRETS.reduce((s, e) => s + (diff.get(e) ?? 0), 0);
  if (Math.abs(total - 1) > 5) return;
  for (const e of SECRETS)
    score.set(e, (score.get(e) ?? 0) + (diff.get(e) ?? 0) / Math.max(1, Math.abs(total)));
}

function guess(score: Scores, rand: () => number): string {
  const best = Math.max(...SECRETS.map((e) => score.get(e) ?? 0));
  const tied = SECRETS.filter((e) => (score.get(e) ?? 0) === best);
  return tied[Math.floor(rand() * tied.length)]!;
}

export async function attack(
  ask: Oracle,
  targets: readonly Target[],
  o: { probesPerTarget: number; seed: number },
): Promise<AttackResult> {
  const rand = prng(o.seed);
  let queries = 0;
  const q = (t: TableQuery) => {
    queries++;
    return ask(t);
  };
  const correct = Object.fromEntries([...STRATEGIES, 'all together'].map((s) => [s, 0])) as Record<
    Strategy,
    number
  >;
  const raw: Array<{ target: Target; sum: Scores; probes: number }> = [];
  for (const target of targets) {
    const sum: Scores = new Map();
    let probed = 0;
    const scores = new Map<Strategy, Scores>(
      [...STRATEGIES, 'all together'].map((s) => [s as Strategy, new Map()]),
    );
    const add = (s: Strategy, diff: Scores) => {
      evidence(scores.get(s)!, diff);
      evidence(scores.get('all together')!, diff);
    };
    // Probes: a base of one or two of the person's values, and another known dimension to single out on.
    const probes: Array<{ base: Known[]; j: Known }> = [];
    for (const a of KNOWN)
      for (const j of KNOWN) {
        if (j === a) continue;
        probes.push({ base: [a], j });
        for (const b of KNOWN) if (b > a && b !== j) probes.push({ base: [a, b], j });
      }
    // Most telling first: the countries single people out (a public table shows how spread they are).
    const telling = ({ base, j }: { base: Known[]; j: Known }) =>
      [...base, j].filter((d) => d === 'citizenship' || d === 'exploitationCountry').length;
    const ordered = shuffle(rand, probes).sort((x, y) => telling(y) - telling(x));
    for (const { base, j } of ordered.slice(0, o.probesPerTarget)) {
      const own = (d: Known) => target.known[d];
      const filters = Object.fromEntries(base.map((d) => [d, [own(d)]]));
      const others = CATEGORIES[j].filter((v) => v !== own(j));
      const control = others[Math.floor(rand() * others.length)]!;
      const t = (extra: Record<string, string[]>, dims: string[] = [EXPLOITATION]) =>
        q({ dims, filters: { ...filters, ...extra } });

      const p1 = byType(await t({}));
      const p2 = byType(await t({ [j]: others }));
      add('pair', minus(p1, p2));
      for (const [e, d] of minus(p1, p2)) sum.set(e, (sum.get(e) ?? 0) + d);
      probed++;
      add('pair, same filters', minus(byType(await t({ [j]: CATEGORIES[j] })), p2));
      add(
        'pair with control',
        minus(byType(await t({ [j]: CATEGORIES[j].filter((v) => v !== control) })), p2),
      );

      const split = await t({}, [EXPLOITATION, j]);
      const margin = new Map(split.margins[0]!.values.map((m) => [m.value, m.total]));
      const rest = new Map<string, number>();
      for (const c of split.cells)
        if (c.values[1] !== own(j)) rest.set(c.values[0]!, (rest.get(c.values[0]!) ?? 0) + c.value);
      add('margin tracker', minus(margin, rest));

      const pad = split.margins[1]!.values.filter((m) => m.value !== own(j))
        .sort((x, y) => y.total - x.total)
        .slice(0, 3)
        .map((m) => m.value);
      if (pad.length > 0)
        add(
          'padded tracker',
          minus(byType(await t({ [j]: [own(j), ...pad] })), byType(await t({ [j]: pad }))),
        );

      const again = [
        p1,
        byType(await t({})),
        byType(await t({})),
        byType(await t({}, [EXPLOITATION, base[0]!])),
      ];
      const againNarrow = [
        p2,
        byType(await t({ [j]: others })),
        byType(await t({ [j]: others })),
        byType(await t({ [j]: others }, [EXPLOITATION, base[0]!])),
      ];
      add('repeats', minus(mean(again), mean(againNarrow)));
    }
    raw.push({ target, sum, probes: probed });
    for (const [s, score] of scores)
      if (s !== 'pair, against the others' && guess(score, rand) === target.secret) correct[s] += 1;
  }
  const average = mean(
    raw.map((r) => new Map(SECRETS.map((e) => [e, (r.sum.get(e) ?? 0) / Math.max(1, r.probes)]))),
  );
  for (const r of raw) {
    const apart = new Map(
      SECRETS.map((e) => [e, (r.sum.get(e) ?? 0) / Math.max(1, r.probes) - average.get(e)!]),
    );
    if (guess(apart, rand) === r.target.secret) correct['pair, against the others'] += 1;
  }
  return { queries, targets: targets.length, correct };
}

/** P(X ≥ x) for X ~ Binomial(n, p): how surprising x right guesses are for an attacker who learned nothing. */
export function binomialTail(x: number, n: number, p: number): number {
  let sum = 0;
  let term = (1 - p) ** n; // P(X = 0)
  for (let k = 0; k <= n; k++) {
    if (k >= x) sum += term;
    term = (term * (n - k) * p) / ((k + 1) * (1 - p));
  }
  return Math.min(1, sum);
}
