// Test helpers of @tern/demography (`@tern/demography/testing`): seeded synthetic region sets for
// tests, benchmarks and demonstrations. Not real data.
export { randomRegionSet, seededRandom } from './random-region-set.ts';
export type { RegionSet, RegionSetOptions } from './random-region-set.ts';
