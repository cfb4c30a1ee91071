import type { OverrideSpec, RunSpec, ScenarioSpec } from '@tern/api';

/** One scenario as the form edits it: a name and one override of the kinds the workspace offers. */
export interface ScenarioDraft {
  name: string;
  kind: OverrideSpec['kind'];
  /** From this year (every kind). */
  fromYear: number;
  /** Internal migration × factor. */
  factor: number;
  /** Annual net international migration of the whole set of regions, from `fromYear`. */
  total: number;
}

export const newScenario = (fromYear: number, n: number): ScenarioDraft => ({
  name: `scenario ${n}`,
  kind: 'scale-internal-migration',
  fromYear,
  factor: 1.5,
  total: 0,
});

export function scenarioSpec(d: ScenarioDraft): ScenarioSpec {
  const name = d.name.trim();
  switch (d.kind) {
    case 'scale-internal-migration':
      return { name, overrides: [{ kind: d.kind, factor: d.factor, fromYear: d.fromYear }] };
    case 'zero-migration':
      return { name, overrides: [{ kind: d.kind, fromYear: d.fromYear }] };
    case 'international-net':
      return { name, overrides: [{ kind: d.kind, path: [{ year: d.fromYear, total: d.total }] }] };
  }
}

/** A stored scenario back in the form (the workspace writes one override per scenario). */
export function scenarioDraft(s: ScenarioSpec, fallbackYear: number): ScenarioDraft {
  const o = s.overrides[0];
  const d = newScenario(fallbackYear, 0);
  d.name = s.name;
  if (!o) return d;
  d.kind = o.kind;
  if (o.kind === 'international-net') {
    d.fromYear = o.path[0]!.year;
    d.total = o.path[0]!.total;
  } else d.fromYear = o.fromYear;
  if (o.kind === 'scale-internal-migration') d.factor = o.factor;
  return d;
}

/** What is wrong with a draft before it goes to the worker (keys of the demography namespace), or null. */
export function specProblem(spec: RunSpec): string | null {
  if (spec.regions.length === 0) return 'spec.noRegion';
  const names = ['baseline', ...spec.scenarios.map((s) => s.name)];
  if (names.some((n) => n === '')) return 'spec.noName';
  if (new Set(names).size !== names.length) return 'spec.sameName';
  if (!Number.isInteger(spec.steps) || spec.steps < 1 || spec.steps > 20) return 'spec.badSteps';
  for (const s of spec.scenarios)
    for (const o of s.overrides)
      if (o.kind === 'scale-internal-migration' && !(o.factor >= 0 && o.factor <= 100))
        return 'spec.badFactor';
  return null;
}
