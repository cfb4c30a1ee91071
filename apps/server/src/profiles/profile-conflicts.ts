import type { ProfileResolveRequest } from '@tern/api';
import type { MissionDb } from '@tern/store';
import { parseProfile } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';
import {
  bodyOf,
  mergeBaseCandidates,
  mergeBranches,
  orderBranches,
  resolveBranches,
  setAt,
} from '@tern/sync';
import type { Body, Branch, FieldConflict, WireDoc } from '@tern/sync';
import { TernError } from '../errors.ts';
import { profileOf } from './profile-admission.ts';
import { unsealedFigure } from './tern-figures.ts';
import type { FigureSeal } from './tern-figures.ts';

/** What an admin sees of one edition's conflict (decision 213): both branches, the clash, the merge. */
export interface ProfileConflictView {
  id: string;
  country: string;
  edition: number;
  /** Live branches in all (two are shown and settled at a time, in winner order). */
  leaves: number;
  base: { rev: string; body: Body } | null;
  branches: Array<{
    rev: string;
    body: Body;
    status: string | null;
    author: string | null;
    device: string | null;
    time: string | null;
  }>;
  /** The fields both branches changed differently (paths as the merge names them). */
  fields: FieldConflict[];
  /** The branches are at different workflow steps: only keeping one whole settles it. */
  statusClash: boolean;
  /** Every field that does not clash, already merged: field choices start from it. */
  merged: Body;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

async function pairOf(db: MissionDb, id: string) {
  const branches = await db.liveBranches(id);
  if (branches.length < 2) return null;
  const [a, b] = orderBranches(branches[0]!, branches[1]!);
  let base: { rev: string; body: Body } | null = null;
  for (const rev of mergeBaseCandidates(a.revisions, b.revisions, [])) {
    const body = await db.bodyAt(id, rev);
    if (body) {
      base = { rev, body };
      break;
    }
  }
  return { a, b, base, leaves: branches.length };
}

/** The open conflict of `profile:<country>:<n>`, or null when the edition has one live branch. */
export async function profileConflictView(
  db: MissionDb,
  country: string,
  n: number,
): Promise<ProfileConflictView | null> {
  const id = `profile:${country}:${n}`;
  const pair = await pairOf(db, id);
  if (!pair) return null;
  const outcome = mergeBranches(id, pair.a, pair.b, pair.base);
  const statusOf = (b: Branch) => profileOf(b.body)?.edition.status ?? null;
  const describe = (b: Branch) => ({
    rev: b.rev,
    body: b.body,
    status: statusOf(b),
    author: str(b.body.updatedBy) ?? str(b.body.createdBy),
    device: str(b.body.device),
    time: str(b.body.updatedAt) ?? str(b.body.createdAt),
  });
  return {
    id,
    country,
    edition: n,
    leaves: pair.leaves,
    base: pair.base,
    branches: [describe(pair.a), describe(pair.b)],
    fields: outcome.kind === 'conflict' ? outcome.conflicts : [],
    statusClash: statusOf(pair.a) !== statusOf(pair.b),
    merged: outcome.kind === 'conflict' ? outcome.merged : bodyOf(outcome.docs[0]),
  };
}

/** How each disputed path was settled, for the audit log (never the values). */
export type Settled = Record<string, 'pick:0' | 'pick:1' | 'value'> | { keep: 0 | 1 };

/**
 * The settled edition as two documents to store (the winner's child with the resolution, the other
 * branch closed), after every check: the revs are the ones shown, every disputed field has a choice,
 * and the result is a valid edition of this country and number whose figures citing Tern are sealed.
 */
export function settle(
  view: ProfileConflictView,
  pair: { a: Branch; b: Branch },
  req: Extract<ProfileResolveRequest, object>,
  o: { seal: FigureSeal; by: string; at: string },
): { docs: [WireDoc, WireDoc]; settled: Settled; resolved: ProfileBody } {
  const shown = [view.branches[0]!.rev, view.branches[1]!.rev];
  if ([...req.revs].sort().join() !== [...shown].sort().join())
    throw new TernError(
      'TERN_CONFLICT_CHANGED',
      `Edition ${view.id} changed since it was shown (now ${shown.join(', ')}); reload and resolve again`,
    );
  let body: Body;
  let settled: Settled;
  if (req.keep !== undefined) {
    body = view.branches[req.keep]!.body;
    settled = { keep: req.keep };
  } else {
    if (view.statusClash)
      throw new TernError(
        'TERN_BAD_REQUEST',
        `Resolution: the two versions are at different workflow steps (${view.branches.map((b) => b.status).join(' and ')}); keep one of them whole`,
      );
    const choices = req.choices ?? {};
    const missing = view.fields.filter((f) => !Object.hasOwn(choices, f.path)).map((f) => f.path);
    if (missing.length)
      throw new TernError('TERN_BAD_REQUEST', `Resolution: choose a value for ${missing.join(', ')}`);
    body = view.merged;
    const how: Record<string, 'pick:0' | 'pick:1' | 'value'> = {};
    for (const [path, choice] of Object.entries(choices)) {
      const field = view.fields.find((f) => f.path === path);
      if (!field)
        throw new TernError('TERN_BAD_REQUEST', `Resolution: ${path.slice(0, 200)} is not a disputed field`);
      body = setAt(body, path, 'pick' in choice ? field.values[choice.pick] : choice.value);
      how[path] = 'pick' in choice ? `pick:${choice.pick}` : 'value';
    }
    settled = how;
  }
  let resolved: ProfileBody;
  try {
    resolved = parseProfile({ ...body, updatedAt: o.at, updatedBy: o.by });
  } catch (e) {
    throw new TernError(
      'TERN_BAD_REQUEST',
      `Resolution: the settled edition is not valid: ${(e as Error).message}`,
    );
  }
  if (resolved.country !== view.country || resolved.edition.number !== view.edition)
    throw new TernError(
      'TERN_BAD_REQUEST',
      `Resolution: the settled edition must stay edition ${view.edition} of ${view.country}`,
    );
  const forged = unsealedFigure(o.seal, resolved);
  if (forged) throw new TernError('TERN_PROFILE_FIGURE_UNSEALED', forged.reason);
  return {
    docs: resolveBranches(view.id, pair.a, pair.b, resolved as unknown as Body),
    settled,
    resolved,
  };
}

/** The two branches settled first (the view's), fetched again for writing. */
export async function conflictPairOf(db: MissionDb, id: string) {
  return pairOf(db, id);
}
