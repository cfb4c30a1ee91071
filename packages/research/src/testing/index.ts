// Test, benchmark and demo-seed helpers of @tern/research (`@tern/research/testing`): seeded data and
// attackers, never used to answer a request (apps/server/src/seed uses them for `npm start`).
export { prng, ulidAt, weighted } from './prng.ts';
export { bodyOf, deleted, edited, syntheticCaseDocs, wire } from './synthetic-cases.ts';
export type { SyntheticOptions } from './synthetic-cases.ts';
export { loadDocs } from './load.ts';
export { naiveTable } from './naive-tables.ts';
export type { NaiveTable } from './naive-tables.ts';
export { MemoryAnalyticsStore } from './memory-store.ts';
export { BASE_RATE, CATEGORIES, KNOWN, MISSIONS, SECRETS, attackData } from './attack-data.ts';
export type { Known, Target } from './attack-data.ts';
export { STRATEGIES, attack, binomialTail } from './attack.ts';
export type { Answer, AttackResult, Oracle, Strategy } from './attack.ts';
export { syntheticCtdcCsv } from './synthetic-ctdc.ts';
export type { SyntheticCtdcOptions } from './synthetic-ctdc.ts';
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
