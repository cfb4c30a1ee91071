export type { Body, PushResult, Revisions, SyncRequest, SyncResponse, WireDoc } from './types.ts';
export { canonicalJson } from './canonical-json.ts';
export { bodyOf, jsonBytes } from './body.ts';
export {
  DEFAULT_REVS_LIMIT,
  computeRev,
  historyContains,
  nextRevision,
  parseRev,
  revHash,
  revsFromHistory,
  verifyRev,
} from './rev-id.ts';
export { syncOnce, takeBatch } from './replicator.ts';
export type { SyncOptions, SyncProgress, SyncRemote, SyncStorage, SyncSummary } from './replicator.ts';
export { decidePull } from './pull-rules.ts';
export type { LocalState, PullDecision } from './pull-rules.ts';
