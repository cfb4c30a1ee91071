import { bodyOf, canonicalJson } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { decide } from '../auth/permissions.ts';
import type { Principal } from '../auth/roles.ts';
import type { DocRejection } from './rejection.ts';
import type { StoredState } from './stored-state.ts';

type ReviewLike = { state?: unknown; by?: unknown; at?: unknown } | undefined;

/**
 * An approved submission is what a data officer saw and approved. An edit of it that keeps `review`
 * approved would show as approved answers nobody approved, so a pusher who may not `review` must send
 * it back to review (`review.state: submitted`, what the app does when an approved record is edited);
 * the history then shows the approval and the edit after it. A revision that only repeats the approved
 * body (a device relaying what it pulled) changes nothing and passes.
 */
export function approvedEditRejection(
  doc: WireDoc,
  stored: StoredState,
  who: Principal | null,
  mission: string,
): DocRejection | null {
  if (!who || doc._deleted || !doc._id.startsWith('sub:')) return null;
  const review = doc.review as ReviewLike;
  if (review?.state !== 'approved') return null;
  const current = stored.winner(doc._id);
  const approved = current?.review as ReviewLike;
  if (!current || approved?.state !== 'approved') return null;
  if (decide(who, 'review', mission).allowed) return null;
  if (canonicalJson(withoutReview(doc)) === canonicalJson(withoutReview(current))) return null;
  return {
    code: 'TERN_APPROVED_EDIT',
    reason: `This record was approved by ${String(approved.by)}; an edit must send it back for review (review.state "submitted")`,
    field: 'review',
  };
}

function withoutReview(doc: WireDoc): Record<string, unknown> {
  const { review: _review, ...rest } = bodyOf(doc);
  return rest;
}
