import type { WireDoc } from '@tern/sync';
import type { Accounts } from '../auth/accounts.ts';
import { principalOf } from '../auth/accounts.ts';
import type { Principal } from '../auth/roles.ts';
import type { DocRejection } from '../ingest/rejection.ts';

/**
 * Who a revision carried by a mission relay is checked as (decision 194). A relay is trusted no more
 * than the users whose writes it carries: each document is admitted with the rights of the account it
 * names as its author at headquarters, never with the relay's own.
 * - `editor`: `deletion.by` of a deletion, else `updatedBy`, else `createdBy`; an empty tombstone (a
 *   merge closing a branch) names nobody and is checked as the relay itself, which may only close a
 *   branch while the record stays alive (ingest/delete-rule.ts). A live record that names nobody (made
 *   before records named their author) is checked as an interviewer of the mission: the least a field
 *   account may do.
 * - `reviewer`: `review.by` of an approved or returned submission; else the editor.
 */
export interface CarriedActors {
  editor: Principal;
  reviewer: Principal;
}

export type CarriedResolver = (doc: WireDoc) => CarriedActors | DocRejection;

type Named = { by?: unknown } | undefined;

function editorName(doc: WireDoc): string | null | undefined {
  if (doc._deleted) {
    const by = (doc.deletion as Named)?.by;
    return doc.deletion === undefined ? null : typeof by === 'string' ? by : undefined;
  }
  const name = doc.updatedBy ?? doc.createdBy;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function reviewerName(doc: WireDoc): string | null {
  if (doc._deleted || !doc._id.startsWith('sub:')) return null;
  const review = doc.review as { state?: unknown; by?: unknown } | undefined;
  if (review?.state !== 'approved' && review?.state !== 'returned') return null;
  return typeof review.by === 'string' ? review.by : null;
}

/** Every account name a batch of carried documents names: read once, before admission. */
export function carriedNames(docs: readonly WireDoc[]): string[] {
  const names = new Set<string>();
  for (const d of docs) {
    const e = editorName(d);
    if (e) names.add(e);
    const r = reviewerName(d);
    if (r) names.add(r);
  }
  return [...names];
}

/**
 * The resolver for one batch: the named accounts are read from headquarters' own account table. An
 * author who is unknown there, disabled, or not a member of the mission refuses the document
 * (`TERN_RELAY_AUTHOR_REFUSED`); so is a deletion that names no author.
 */
export async function carriedResolver(
  accounts: Accounts,
  relay: Principal,
  mission: string,
  docs: readonly WireDoc[],
): Promise<CarriedResolver> {
  const known = new Map<string, Principal | string>();
  for (const name of carriedNames(docs)) {
    const a = await accounts.get(name);
    if (!a) known.set(name, `no account named ${JSON.stringify(name)} exists at headquarters`);
    else if (a.disabled) known.set(name, `the account ${JSON.stringify(name)} is disabled`);
    else if (
      a.role === 'admin' ||
      ((a.role === 'interviewer' || a.role === 'data_officer') && a.missions.includes(mission))
    )
      known.set(name, principalOf(a));
    else known.set(name, `${JSON.stringify(name)} does not work in mission ${JSON.stringify(mission)}`);
  }
  const refused = (why: string, field: string): DocRejection => ({
    code: 'TERN_RELAY_AUTHOR_REFUSED',
    reason: `Relay ${relay.username} carries a write headquarters cannot check: ${why}`,
    field,
  });
  const anonymous: Principal = { username: relay.username, role: 'interviewer', missions: [mission] };
  return (doc) => {
    const e = editorName(doc);
    if (e === undefined && doc._deleted)
      return refused('the deletion names no author (deletion.by)', 'deletion.by');
    const editor = e === undefined ? anonymous : e === null ? relay : known.get(e)!;
    if (typeof editor === 'string') return refused(editor, doc._deleted ? 'deletion.by' : 'updatedBy');
    const r = reviewerName(doc);
    const reviewer = r === null ? editor : known.get(r)!;
    if (typeof reviewer === 'string') return refused(reviewer, 'review.by');
    return { editor, reviewer };
  };
}
