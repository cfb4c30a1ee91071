// Synthetic data of @tern/research (`@tern/research/synthetic`): a seeded PRNG, shares like CTDC's
// global figures (decision 107) and synthetic CTDC-format files, for the demo seed, tests and
// benchmarks. Synthetic people only; nothing here reads or answers for real data.
export { prng, ulidAt, weighted } from './prng.ts';
export {
  AGE_SHARES,
  CONTROL_CODES,
  GENDER_SHARES,
  REGIONS,
  RELATION_SHARES,
  SECTOR_SHARES,
  YEAR_SHARES,
} from './ctdc-shares.ts';
export type { Region, Weighted } from './ctdc-shares.ts';
export { syntheticCtdcCsv } from './synthetic-ctdc.ts';
export type { SyntheticCtdcOptions } from './synthetic-ctdc.ts';
