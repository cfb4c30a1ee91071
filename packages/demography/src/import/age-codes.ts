// Age group codes of the long layout: Eurostat's (Y_LT5, Y5-9, Y15, Y_GE85, Y_OPEN) and plain ones
// ("0-4", "85+", "15"). TOTAL and UNK are not age groups: the import skips them (docs/demography.md).
export interface AgeGroup {
  lower: number;
  /** Exclusive upper bound; null for an open group. */
  upper: number | null;
}

export const SKIPPED_AGES = new Set(['TOTAL', 'UNK', 'T']);

export function parseAge(code: string): AgeGroup | null {
  const c = code.trim().toUpperCase().replace(/^Y_?/, '');
  let m: RegExpMatchArray | null;
  if ((m = c.match(/^LT(\d+)$/))) return { lower: 0, upper: Number(m[1]) };
  if ((m = c.match(/^GE(\d+)$/)) || (m = c.match(/^(\d+)\+$/))) return { lower: Number(m[1]), upper: null };
  if ((m = c.match(/^(\d+)\s*-\s*(\d+)$/))) {
    const lo = Number(m[1]);
    const hi = Number(m[2]) + 1;
    return hi > lo ? { lower: lo, upper: hi } : null;
  }
  if ((m = c.match(/^(\d+)$/))) return { lower: Number(m[1]), upper: Number(m[1]) + 1 };
  return null;
}

export const ageText = (g: AgeGroup): string =>
  g.upper === null ? `${g.lower}+` : `${g.lower}-${g.upper - 1}`;
