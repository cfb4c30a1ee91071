import { canonicalJson } from './canonical-json.ts';
import type { FieldConflict, MergeResult } from './three-way-merge.ts';
import type { Body } from './types.ts';

type Review = { state?: unknown } | undefined;
const reviewOf = (b: Body | null): Review => (b?.review as Review) ?? undefined;
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * A data officer approved one branch while another branch changed the answers. Merged field by field,
 * the result would read "approved" over answers the officer never saw (issue 11: an approved record
 * must not change and stay approved). So that combination is not merged automatically: `review`
 * becomes a conflict for an admin, who sees the approval and the new answers side by side. A pure
 * rule, so a mission relay and headquarters decide it the same way.
 */
export function approvalClash(
  base: Body | null,
  sides: [Body, Body],
  result: MergeResult,
): FieldConflict | null {
  const merged = reviewOf(result.merged);
  if (merged?.state !== 'approved') return null;
  for (const side of [0, 1] as const) {
    const approvedHere =
      reviewOf(sides[side])?.state === 'approved' && !same(reviewOf(sides[side]), reviewOf(base));
    if (!approvedHere) continue;
    const other = side === 0 ? 1 : 0;
    const answersFromOther = Object.entries(result.taken).some(
      ([path, from]) => from === other && (path === 'answers' || path.startsWith('answers.')),
    );
    if (answersFromOther)
      return { path: 'review', base: reviewOf(base), values: [reviewOf(sides[0]), reviewOf(sides[1])] };
  }
  return null;
}
