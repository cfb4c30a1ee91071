import { attachmentCases } from './attachment-cases.ts';
import { couchDoorCases } from './couch-door-cases.ts';
import type { ConformanceCase } from './conformance-helpers.ts';
import { keyedAndLimitsCases } from './keyed-and-limits-cases.ts';
import { recordsCases } from './records-cases.ts';

export type { StoreFactory } from './conformance-helpers.ts';

/**
 * One conformance suite for every ServerStore (memory, LevelDB, and a CouchDB URL once the scale-out
 * issue adds that store): what the server relies on, the same on each. Each case opens a fresh store,
 * throws on failure, and closes it; a test file runs every case with its own harness.
 * Not covered on purpose: what the pull does with a tombstone winner (issue 12 decides it).
 */
export const serverStoreConformance: Record<string, ConformanceCase> = {
  ...recordsCases,
  ...couchDoorCases,
  ...keyedAndLimitsCases,
  ...attachmentCases,
};
