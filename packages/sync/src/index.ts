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
export { syncOnce } from './replicator.ts';
export { takeBatch } from './push-batch.ts';
export type {
  ExchangeProgress,
  PullApplied,
  SyncOptions,
  SyncProgress,
  SyncRemote,
  SyncStorage,
  SyncSummary,
} from './sync-contract.ts';
export { assertPulledPage, decidePull } from './pull-rules.ts';
export type { LocalState, PullDecision } from './pull-rules.ts';
export { fetchRemote } from './fetch-remote.ts';
export { SyncHttpError, isTransient } from './round-trip-error.ts';
export type { FetchRemoteOptions } from './fetch-remote.ts';
export { ChangeCounter } from './change-counter.ts';
export { withRetry } from './retry.ts';
export type { RetryOptions } from './retry.ts';
export { beats, conflictsOf, winningRev } from './winning-rev.ts';
export type { Leaf } from './winning-rev.ts';
export { conflictsIn, graft, historyOf, leavesOf, winnerOf } from './rev-tree.ts';
export type { RevNode, RevTree } from './rev-tree.ts';
export { MemorySyncStorage } from './memory-storage.ts';
export type { DeviceDoc, DeviceState } from './memory-storage.ts';
export { threeWayMerge } from './three-way-merge.ts';
export type { FieldConflict, MergeResult } from './three-way-merge.ts';
export {
  META_FIELDS,
  commonAncestors,
  mergeBranches,
  orderBranches,
  resolveBranches,
} from './merge-branches.ts';
export type { Branch, MergeOutcome } from './merge-branches.ts';
export { mergeBaseCandidates } from './merge-ancestry.ts';
export type { MergeEdge } from './merge-ancestry.ts';
export { escapeKey, getAt, parsePath, setAt } from './field-path.ts';
