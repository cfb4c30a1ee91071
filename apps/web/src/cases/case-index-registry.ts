/**
 * The unlocked case indexes (case-index.ts builds them), held here so that the app shell can drop
 * them on lock without loading the cases screens' code (decision 190). No clear name outlives the
 * session: locking or logging out clears the map.
 */
export const caseIndexes = new Map<string, { key: CryptoKey; index: unknown }>();

export function dropCaseIndexes(): void {
  caseIndexes.clear();
}
