// Indicator values from several sources: every value carries its source and its reference year, and
// is checked against its indicator's definition before it is accepted. Several sources may give the
// same indicator, place and year; they are kept side by side, never merged or overwritten.
import { DemographyError } from '../errors.ts';
import { type IndicatorDefinition, indicatorById } from './indicators.ts';

export interface IndicatorValue {
  readonly indicator: string;
  /** ISO 3166-1 alpha-3 country code (AUT) or a NUTS region code (AT, AT1, AT13). */
  readonly geo: string;
  /** The reference year the value describes. */
  readonly year: number;
  readonly value: number;
  readonly unit: string;
  /** Who published it, with the dataset ("Eurostat migr_imm1ctz"). */
  readonly source: string;
  /** When the source published or last updated it (ISO date), if known. */
  readonly published?: string;
  readonly note?: string;
}

export interface ValueProblem {
  index: number;
  reason: string;
}

const GEO = /^(?:[A-Z]{3}|[A-Z]{2}[A-Z0-9]{0,3})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The problems of each value (empty when all are valid). */
export function checkIndicatorValues(values: readonly IndicatorValue[]): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const seen = new Map<string, number>();
  values.forEach((v, index) => {
    const add = (reason: string) => problems.push({ index, reason });
    const def: IndicatorDefinition | undefined = indicatorById(v.indicator);
    if (!def) return add(`unknown indicator "${v.indicator}"`);
    if (!GEO.test(v.geo)) add(`"${v.geo}" is neither an ISO 3166 alpha-3 code nor a NUTS code`);
    if (!(Number.isInteger(v.year) && v.year >= 1900 && v.year <= 2100))
      add(`the year must be a whole year 1900–2100, got ${v.year}`);
    if (!Number.isFinite(v.value)) add('the value is not a finite number');
    else if (v.value < 0 && !def.signed) add(`${def.name} cannot be negative (${v.value})`);
    if (v.unit !== def.unit) add(`${def.name} is in ${def.unit}, the value says ${v.unit}`);
    if (!v.source.trim()) add('every value needs its source');
    if (v.published !== undefined && !ISO_DATE.test(v.published))
      add(`published must be an ISO date, got ${v.published}`);
    const key = `${v.indicator}|${v.geo}|${v.year}|${v.source}`;
    const before = seen.get(key);
    if (before !== undefined && values[before]!.value !== v.value)
      add(`value ${index + 1} contradicts value ${before + 1}: the same indicator, place, year and source`);
    seen.set(key, index);
  });
  return problems;
}

/** An in-memory registry of checked values; `add` takes all or none. */
export class IndicatorRegistry {
  readonly #values: IndicatorValue[] = [];

  add(values: readonly IndicatorValue[]): void {
    const problems = checkIndicatorValues([...this.#values, ...values]).filter(
      (p) => p.index >= this.#values.length,
    );
    if (problems.length)
      throw new DemographyError(
        'TERN_DEMOGRAPHY_INDICATOR_INVALID',
        `${problems.length} indicator value(s) refused: ${problems[0]!.reason}`,
        {
          problems: problems.map((p) => ({ ...p, index: p.index - this.#values.length })),
        },
      );
    for (const v of values)
      if (!this.#values.some((w) => sameCell(v, w) && w.source === v.source)) this.#values.push(v);
  }

  /** Every source's value for one indicator and place, by year then source. */
  series(indicator: string, geo: string): IndicatorValue[] {
    return this.#values
      .filter((v) => v.indicator === indicator && v.geo === geo)
      .sort((a, b) => a.year - b.year || a.source.localeCompare(b.source));
  }

  /** Sources that disagree on the same indicator, place and year (kept side by side, listed for review). */
  disagreements(
    relativeTolerance = 0.05,
  ): Array<{ indicator: string; geo: string; year: number; values: IndicatorValue[] }> {
    const groups = new Map<string, IndicatorValue[]>();
    for (const v of this.#values) {
      const k = `${v.indicator}|${v.geo}|${v.year}`;
      groups.set(k, [...(groups.get(k) ?? []), v]);
    }
    return [...groups.values()]
      .filter((vs) => {
        const xs = vs.map((v) => v.value);
        const hi = Math.max(...xs);
        const lo = Math.min(...xs);
        return vs.length > 1 && hi - lo > relativeTolerance * Math.max(Math.abs(hi), Math.abs(lo));
      })
      .map((vs) => ({ indicator: vs[0]!.indicator, geo: vs[0]!.geo, year: vs[0]!.year, values: vs }));
  }

  get size(): number {
    return this.#values.length;
  }
}

const sameCell = (a: IndicatorValue, b: IndicatorValue) =>
  a.indicator === b.indicator && a.geo === b.geo && a.year === b.year;
