// Several sources for one indicator and year, shown side by side (never averaged, never merged), with
// the cells where they disagree beyond the indicator's tolerance flagged for review.
import { DEFAULT_TOLERANCE, type ProfileBody, type ProfileValue } from '../document/schema.ts';

export interface SideBySideCell {
  indicator: string;
  year: number;
  /** Every source's value, by source name. */
  values: ProfileValue[];
  /** (largest − smallest) / largest absolute value; 0 with one source. */
  spread: number;
  tolerance: number;
  disagrees: boolean;
}

/** The relative tolerance of an indicator: its own, else the profile's `default`, else 5 %. */
export const toleranceOf = (settings: ProfileBody['settings'], indicator: string): number =>
  settings.tolerance[indicator] ?? settings.tolerance.default ?? DEFAULT_TOLERANCE;

export function relativeSpread(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const hi = Math.max(...xs);
  const lo = Math.min(...xs);
  const scale = Math.max(Math.abs(hi), Math.abs(lo));
  return scale === 0 ? 0 : (hi - lo) / scale;
}

/** Every indicator × year with its sources side by side, by indicator then year. */
export function sideBySide(doc: Pick<ProfileBody, 'values' | 'settings'>): SideBySideCell[] {
  const groups = new Map<string, ProfileValue[]>();
  for (const v of doc.values) {
    const k = `${v.indicator}\u0000${v.year}`;
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  return [...groups.values()]
    .map((vs) => {
      const { indicator, year } = vs[0]!;
      const tolerance = toleranceOf(doc.settings, indicator);
      const spread = relativeSpread(vs.map((v) => v.value));
      const values = [...vs].sort((a, b) => a.source.localeCompare(b.source));
      return { indicator, year, values, spread, tolerance, disagrees: spread > tolerance };
    })
    .sort((a, b) => a.indicator.localeCompare(b.indicator) || a.year - b.year);
}

/** Only the cells where sources disagree beyond tolerance. */
export const disagreements = (doc: Pick<ProfileBody, 'values' | 'settings'>): SideBySideCell[] =>
  sideBySide(doc).filter((c) => c.disagrees);
