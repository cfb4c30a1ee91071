import { z } from 'zod';

/**
 * The compact sync door, `POST /api/sync/:mission` (docs/protocol.md): one round trip pushes a batch
 * of revisions and pulls the next changes. The TypeScript interfaces the replicator works with are
 * @tern/sync's (types.ts); these are the same shapes as checks at the edge.
 * CouchDB document model: https://docs.couchdb.org/en/stable/api/document/common.html
 */

/** `_revisions` as CouchDB returns it with `?revs=true`: newest id first, `start` the newest generation. */
export const Revisions = z.object({
  start: z.number().int().positive(),
  ids: z.array(z.string().min(1)).min(1).max(1000),
});

/** A document with its revision and history; its body fields pass through (checked per type later). */
export const WireDoc = z
  .object({
    _id: z.string().min(1).max(200),
    _rev: z.string().min(3).max(80),
    _revisions: Revisions,
    _deleted: z.boolean().optional(),
  })
  .loose();
export type WireDoc = z.infer<typeof WireDoc>;

export const SyncRequest = z.object({
  protocol: z.literal(1),
  device: z.string().min(1).max(64),
  docs: z.array(WireDoc).max(1000),
  /** The checkpoint the server gave last time, or null to start from the beginning. */
  since: z.string().max(200).nullable(),
  /** At most this many changes per response; the server also ends a page at a byte budget. */
  pullLimit: z.number().int().min(0).max(10_000),
  /** How many records the device will still hold unsynced after this batch, for the data officer's view. */
  waiting: z.number().int().min(0).optional(),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

/** Per-document outcome of a push. A rejection always carries a stable code and a readable reason. */
export const PushResult = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), rev: z.string(), ok: z.literal(true) }),
  z.object({
    id: z.string(),
    rev: z.string(),
    ok: z.literal(false),
    code: z.string(),
    reason: z.string(),
    field: z.string().optional(),
  }),
]);
export type PushResult = z.infer<typeof PushResult>;

/** A pulled winner; under review it also lists the other live leaves and the disputed field paths. */
export const PulledDoc = WireDoc.extend({
  _conflicts: z.array(z.string()).optional(),
  _disputed: z.array(z.string()).optional(),
});

export const SyncResponse = z.object({
  results: z.array(PushResult),
  changes: z.array(PulledDoc),
  /**
   * Cases that left the caller's view in this page (reassigned, unshared): the device drops them and
   * their records once nothing of them waits to be pushed (decision 136). Absent when none.
   */
  gone: z.array(z.string()).optional(),
  /** Opaque server checkpoint after `changes`; send it back as `since`. */
  checkpoint: z.string(),
  /** True when more changes wait beyond `checkpoint`. */
  more: z.boolean(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;
