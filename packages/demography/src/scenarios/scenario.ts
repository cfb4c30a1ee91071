// Scenarios: a baseline (base population, rates, international inflow, conventions) plus named
// overrides on the rates over time. An override applies to every step whose start year is at or
// after its `fromYear` (and before its `toYear`, when given). Several scenarios run on the same
// baseline and are compared by state and year.
import { DemographyError } from '../errors.ts';
import type { Conventions } from '../multiregional/conventions.ts';
import { type ProjectionResult, projectMultiregional } from '../multiregional/project.ts';
import type { InternationalInflow, MultiregionalRates } from '../multiregional/rates.ts';
import type { StateSpace } from '../multiregional/state-space.ts';

export type Override =
  /** Multiply every internal (state-to-state) migration rate by `factor`. */
  | { kind: 'scale-internal-migration'; factor: number; fromYear: number; toYear?: number }
  /** No internal moves, no emigration, no immigration. */
  | { kind: 'zero-migration'; fromYear: number; toYear?: number }
  /**
   * International net migration of the whole system follows `path` (annual totals; each value holds
   * from its year until the next one). Emigration rates are set to 0 and the net total is spread over
   * sex, age and state by `profile` (shares, any scale), by default the baseline inflow's shape.
   */
  | {
      kind: 'international-net';
      path: ReadonlyArray<{ year: number; total: number }>;
      profile?: Float64Array;
    }
  | { kind: 'scale-fertility'; factor: number; fromYear: number; toYear?: number }
  | { kind: 'scale-mortality'; factor: number; fromYear: number; toYear?: number };

export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly overrides: readonly Override[];
}

export interface Baseline {
  readonly space: StateSpace;
  readonly base: Float64Array;
  readonly startYear: number;
  readonly steps: number;
  readonly rates: MultiregionalRates;
  readonly inflow?: InternationalInflow;
  readonly conventions?: Partial<Conventions>;
}

const bad = (message: string): never => {
  throw new DemographyError('TERN_DEMOGRAPHY_BAD_INPUT', message);
};

const active = (o: { fromYear: number; toYear?: number }, year: number) =>
  year >= o.fromYear && (o.toYear === undefined || year < o.toYear);

function checkScenario(s: Scenario): void {
  if (!s.name.trim()) bad('a scenario needs a name');
  for (const o of s.overrides) {
    if ('factor' in o && !(o.factor >= 0 && Number.isFinite(o.factor)))
      bad(`scenario "${s.name}": ${o.kind} needs a factor ≥ 0, got ${o.factor}`);
    if (o.kind === 'international-net') {
      if (o.path.length === 0) bad(`scenario "${s.name}": the international net migration path is empty`);
      if (o.path.some((p, i) => i > 0 && p.year <= o.path[i - 1]!.year))
        bad(`scenario "${s.name}": the path's years must increase`);
    }
  }
}

/** The projection of one scenario (an empty list of overrides is the baseline). */
export function runScenario(
  b: Baseline,
  s: Scenario,
  onStep?: (done: number, total: number) => void,
): ProjectionResult {
  checkScenario(s);
  const netFrom = Math.min(
    ...s.overrides.flatMap((o) => (o.kind === 'international-net' ? [o.path[0]!.year] : [])),
  );
  // One rate set per distinct combination of active overrides, so steps that share it share the
  // factorised survivorship operators too.
  const memo = new Map<string, MultiregionalRates>();
  const ratesAt = (_step: number, year: number): MultiregionalRates => {
    const on = s.overrides
      .map((o, i) => (o.kind !== 'international-net' && active(o, year) ? i : -1))
      .filter((i) => i >= 0);
    // Under a net path the emigrants are inside the net figure: emigration rates go to 0.
    const net = year >= netFrom;
    const key = `${on.join(',')}|${net}`;
    let r = memo.get(key);
    if (!r) {
      r = on.reduce((acc, i) => applyRates(acc, s.overrides[i]!), b.rates);
      if (net) r = { ...r, emigration: new Float64Array(r.emigration.length) };
      memo.set(key, r);
    }
    return r;
  };
  const inflowAt = (_step: number, year: number): InternationalInflow => {
    if (s.overrides.some((o) => o.kind === 'zero-migration' && active(o, year))) return {};
    const net = [...s.overrides]
      .reverse()
      .find((o) => o.kind === 'international-net' && o.path[0]!.year <= year);
    if (!net || net.kind !== 'international-net') return b.inflow ?? {};
    const total = [...net.path].reverse().find((p) => p.year <= year)!.total;
    return { counts: spread(b, net.profile, total) };
  };
  return projectMultiregional({
    space: b.space,
    base: b.base,
    startYear: b.startYear,
    steps: b.steps,
    rates: ratesAt,
    inflow: inflowAt,
    ...(b.conventions ? { conventions: b.conventions } : {}),
    ...(onStep ? { onStep } : {}),
  });
}

/** The baseline (named "baseline", first) and every scenario, each projected from the same baseline. */
export function runScenarios(
  b: Baseline,
  scenarios: readonly Scenario[],
): Array<{ name: string; result: ProjectionResult }> {
  const names = new Set<string>(['baseline']);
  for (const s of scenarios) {
    if (names.has(s.name)) bad(`two scenarios are named "${s.name}"`);
    names.add(s.name);
  }
  return [{ name: 'baseline', overrides: [] }, ...scenarios].map((s) => ({
    name: s.name,
    result: runScenario(b, s),
  }));
}

function applyRates(r: MultiregionalRates, o: Override): MultiregionalRates {
  switch (o.kind) {
    case 'scale-internal-migration':
      return { ...r, migration: r.migration.map((v) => v * o.factor) };
    case 'zero-migration':
      return {
        ...r,
        migration: new Float64Array(r.migration.length),
        emigration: new Float64Array(r.emigration.length),
      };
    case 'scale-fertility':
      return { ...r, fertility: r.fertility.map((v) => v * o.factor) };
    case 'scale-mortality':
      return { ...r, mortality: r.mortality.map((v) => v * o.factor) };
    case 'international-net':
      return r;
  }
}

/** Spreads an annual total over [sex][age][state] by a profile's shares. */
function spread(b: Baseline, profile: Float64Array | undefined, total: number): Float64Array {
  const shape = profile ?? b.inflow?.counts ?? b.base;
  const sum = shape.reduce((s, v) => s + Math.max(0, v), 0);
  if (shape.length !== b.base.length) bad('the international migration profile does not fit the state space');
  if (!(sum > 0)) bad('the international migration profile has no positive share');
  return shape.map((v) => (total * Math.max(0, v)) / sum);
}
