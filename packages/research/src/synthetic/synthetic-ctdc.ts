import { COUNTRY_CODES } from '@tern/forms';
import { CTDC_HEADER, ctdcRecord, toCsv } from '../ctdc/ctdc-format.ts';
import { ageBand } from '../rows/age-band.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import {
  AGE_SHARES,
  CONTROL_CODES,
  GENDER_SHARES,
  REGIONS,
  RELATION_SHARES,
  SECTOR_SHARES,
  YEAR_SHARES,
} from './ctdc-shares.ts';
import { prng, weighted } from './prng.ts';

export interface SyntheticCtdcOptions {
  rows: number;
  seed: number;
  /** Data lines per chunk yielded. */
  chunkRows?: number;
}

const a2 = (alpha3: string) => COUNTRY_CODES.get(alpha3) ?? null;
const REGION_LIST = Object.values(REGIONS);

/** One synthetic person as a research row, from every region (CTDC's global mix). */
function syntheticRow(rand: () => number, n: number): ResearchRow {
  const region = REGION_LIST[Math.floor(rand() * REGION_LIST.length)]!;
  const [from, to] = weighted(rand, region.corridors);
  const exploitation = [...weighted(rand, region.exploitation)].sort();
  const [lo, hi] = weighted(rand, AGE_SHARES);
  const known = (p: number) => rand() < p;
  return {
    ref: String(n),
    recordKey: 0,
    mission: null,
    year: String(weighted(rand, YEAR_SHARES)),
    citizenship: known(0.95) ? a2(from) : null,
    exploitationCountry: known(0.85) ? a2(to) : null,
    exploitation: known(0.9) ? exploitation : [],
    labourSector: exploitation.includes('ForcedLabour') && known(0.7) ? weighted(rand, SECTOR_SHARES) : null,
    sexExploitation: exploitation.includes('SexualExploitation') && known(0.6) ? ['Prostitution'] : [],
    gender: weighted(rand, GENDER_SHARES),
    ageBand: known(0.8) ? ageBand(lo + Math.floor(rand() * (hi - lo + 1))) : null,
    meansOfControl: known(0.5) ? CONTROL_CODES.filter(() => rand() < 0.3) : [],
    recruiterRelationship: known(0.5) ? weighted(rand, RELATION_SHARES) : null,
    traffickingStatus: null,
    assistance: [],
    recruitmentCountry: null,
    transitCountries: [],
  };
}

/**
 * A synthetic CTDC 2020 global-dataset CSV (header, then `rows` records) as text chunks: what an
 * operator would import, made by `ctdcRecord` from synthetic people. Seeded: the same file every time.
 */
export function* syntheticCtdcCsv(o: SyntheticCtdcOptions): Generator<string> {
  const rand = prng(o.seed);
  const per = o.chunkRows ?? 2000;
  yield CTDC_HEADER.join(',') + '\n';
  for (let i = 0; i < o.rows; i += per) {
    const records = [];
    for (let k = i; k < Math.min(o.rows, i + per); k++) records.push(ctdcRecord(syntheticRow(rand, k + 1)));
    yield toCsv(records).slice(CTDC_HEADER.join(',').length + 1);
  }
}
