// Test and benchmark helpers of @tern/research (`@tern/research/testing`): never used by the server.
// The synthetic data (`@tern/research/synthetic`, which the demo seed uses) is re-exported here.
export * from '../synthetic/index.ts';
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
