import type { WireDoc } from '@tern/sync';
import { decide } from '../auth/permissions.ts';
import type { Principal } from '../auth/roles.ts';
import type { DocRejection } from './rejection.ts';

type ReviewLike = { state?: unknown; by?: unknown; at?: unknown; comment?: unknown } | undefined;

const same = (a: ReviewLike, b: ReviewLike) =>
  (a?.state ?? null) === (b?.state ?? null) &&
  (a?.by ?? null) === (b?.by ?? null) &&
  (a?.at ?? null) === (b?.at ?? null) &&
  (a?.comment ?? null) === (b?.comment ?? null);

/**
 * Approving or returning a submission is a data officer's edit of its `review` field, pushed through
 * a sync door like any edit (docs/decisions/060-cases.md). The permission table's `review` action
 * decides who may make it. A pushed revision that only carries the review the server already holds
 * (an interviewer editing an approved record, or relaying it) is not a review, so it passes; so does
 * `submitted` (an interviewer resubmitting a returned record). `stored` is the server's current
 * winning revision of the document, if any. Without a principal (tests, `allowAll`) nothing is checked.
 */
export function reviewRefusal(
  doc: WireDoc,
  stored: WireDoc | undefined,
  who: Principal | null,
  mission: string,
): DocRejection | null {
  if (!who || !doc._id.startsWith('sub:') || doc._deleted) return null;
  const review = doc.review as ReviewLike;
  if (!review || review.state === 'submitted') return null;
  if (same(review, stored?.review as ReviewLike)) return null;
  const d = decide(who, 'review', mission);
  if (d.allowed) return null;
  return {
    code: 'TERN_REVIEW_FORBIDDEN',
    reason: `Only a data officer may approve or return a record: ${d.reason}`,
    field: 'review',
  };
}
