import type { MissionDb } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import type { Principal } from '../auth/roles.ts';
import { caseIdsOf } from '@tern/cases';
import { approvedEditRejection } from './approved-edit-rule.ts';
import { caseAssignmentRejection } from './case-assignment-rule.ts';
import { checkDoc } from './check-doc.ts';
import type { FormLookup } from './check-doc.ts';
import { deleteRejection } from './delete-rule.ts';
import { historyRejection } from './history-rule.ts';
import { sizeRejection } from './limits.ts';
import type { DocRejection } from './rejection.ts';
import { reservedFieldRejection } from './reserved-fields.ts';
import { reviewRefusal } from './review-rule.ts';
import { StoredState } from './stored-state.ts';
import type { CarriedResolver } from '../relay/carried-authors.ts';

export interface AdmissionContext {
  mission: string;
  /** Who pushes; null only in route tests that replace authorisation (`allowAll`). */
  principal: Principal | null;
  forms: FormLookup;
  /**
   * How the revisions were made. `device`: by a Tern device (compact door): the rev ids are Tern's
   * content hashes and are verified. `replicated`: by another replicator (CouchDB door,
   * `new_edits:false`), which hashes its own way, possibly carrying other accounts' acts (a relay).
   * `edit`: computed by this server from an interactive edit (CouchDB door, `new_edits:true`).
   */
  origin: 'device' | 'replicated' | 'edit';
  /**
   * Set when a mission relay pushes (decision 194): each document is checked as the account it names
   * as its author, never as the relay (relay/carried-authors.ts).
   */
  carried?: CarriedResolver;
}

/**
 * THE admission of documents, for every door: why each document of a batch may not be stored, or null.
 * Order matters: size and reserved fields first, on the raw document, because everything after them
 * walks the document recursively (canonical JSON, zod, form validation) or hands it to the store;
 * then the body and the rev; then the rules that compare with what is stored (review, approved edits,
 * deletions, history), which share one bulk read of the batch's documents.
 */
export async function admit(
  db: MissionDb,
  docs: readonly WireDoc[],
  ctx: AdmissionContext,
): Promise<Array<DocRejection | null>> {
  const out: Array<DocRejection | null> = docs.map(
    (doc) =>
      sizeRejection(doc) ??
      reservedFieldRejection(doc) ??
      checkDoc(doc, ctx.mission, ctx.forms, { verifyRevs: ctx.origin === 'device' }),
  );
  const pending = docs.filter((_, i) => out[i] === null);
  if (pending.length === 0) return out;
  const stored = await StoredState.read(
    db,
    pending.map((d) => d._id),
  );
  for (const d of pending) if (d._deleted) await stored.leavesOf(d._id);
  if (ctx.principal?.role === 'interviewer' || ctx.carried) await stored.include(caseIdsOf(pending));
  for (let i = 0; i < docs.length; i++) {
    if (out[i] !== null) continue;
    const doc = docs[i]!;
    out[i] = storedRules(doc, stored, ctx, pending) ?? (await historyRejection(doc, stored));
  }
  return out;
}

/** The rules that compare a document with what is stored; the leaves of deletions are read already. */
function storedRules(
  doc: WireDoc,
  stored: StoredState,
  ctx: AdmissionContext,
  batch: readonly WireDoc[],
): DocRejection | null {
  const actors = ctx.carried?.(doc) ?? { editor: ctx.principal, reviewer: ctx.principal };
  if ('code' in actors) return actors;
  const { editor, reviewer } = actors;
  return (
    reviewRefusal(doc, stored.winner(doc._id), reviewer, ctx.mission) ??
    approvedEditRejection(doc, stored, editor, ctx.mission) ??
    caseAssignmentRejection(doc, editor, (id) => stored.winner(id)) ??
    deleteRejection(doc, stored, editor, ctx.mission, {
      replicated: ctx.origin === 'replicated',
      batch,
    })
  );
}

/**
 * Interactive edits (CouchDB door, `new_edits:true`): the server computes each revision from the
 * current leaf, so admission runs in two steps. `prepareEdits` checks size and reserved fields on
 * what the client sent (computing a revision hashes the body recursively) and reads the stored state;
 * `admitEdit` then checks each planned revision, synchronously, inside the store's edit loop. The
 * history rule does not apply: the server made the history itself.
 */
export async function prepareEdits(
  db: MissionDb,
  docs: ReadonlyArray<Record<string, unknown> & { _id: string }>,
  principal: Principal | null = null,
  carried = false,
): Promise<{ rejections: Array<DocRejection | null>; stored: StoredState }> {
  const rejections = docs.map((d) => sizeRejection(d) ?? reservedFieldRejection(d));
  const ok = docs.filter((_, i) => rejections[i] === null);
  const stored = await StoredState.read(
    db,
    ok.map((d) => d._id),
  );
  for (const d of ok) if (d._deleted === true) await stored.leavesOf(d._id);
  if (principal?.role === 'interviewer' || carried) await stored.include(caseIdsOf(ok));
  return { rejections, stored };
}

export function admitEdit(plan: WireDoc, stored: StoredState, ctx: AdmissionContext): DocRejection | null {
  return (
    checkDoc(plan, ctx.mission, ctx.forms, { verifyRevs: false }) ?? storedRules(plan, stored, ctx, [plan])
  );
}
