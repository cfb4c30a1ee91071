// Test helpers of @tern/demography (`@tern/demography/testing`): seeded synthetic region sets for
// tests, benchmarks and demonstrations. Not real data.
export { randomRegionSet, seededRandom } from './random-region-set.ts';
export type { RegionSet, RegionSetOptions } from './random-region-set.ts';
export { regionSetCsv } from './region-set-csv.ts';
export type { RegionSetCsv } from './region-set-csv.ts';
