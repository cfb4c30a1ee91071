import type { MissionDb } from '@tern/store';
import { bodyOf, mergeBaseCandidates, mergeBranches, orderBranches } from '@tern/sync';
import type { Branch, WireDoc } from '@tern/sync';
import { profileOf } from './profile-admission.ts';

/** One document whose live branches could not be merged: the fields both sides changed. */
export interface ProfileConflict {
  id: string;
  revs: string[];
  /** Field paths (`sections.<s>.paragraphs[<id>].text.<lang>`), or `edition.status` for a step clash. */
  paths: string[];
}

const MAX_ROUNDS = 20;

/**
 * After a push leaves an edition with several live branches (two devices edited offline), merge what
 * does not collide, as the mission records are merged (decision 050): the three-way merge of
 * @tern/sync by item `_id`, base the nearest common ancestor the store holds. Two branches in
 * different workflow statuses are never merged (a text edit would slip past the review), and a merge
 * that is not a valid profile is not written: both stay as a conflict, both texts kept, nothing
 * overwritten (decision 155).
 */
export async function mergeProfileBranches(db: MissionDb, ids: string[]): Promise<ProfileConflict[]> {
  const open: ProfileConflict[] = [];
  const branched = await db.branched(ids);
  for (const id of ids.filter((i) => branched.has(i))) {
    let branches = await db.liveBranches(id);
    for (let round = 0; branches.length > 1 && round < MAX_ROUNDS; round++) {
      const [a, b] = orderBranches(branches[0]!, branches[1]!);
      const clash = await mergeTwo(db, id, a, b);
      if (clash) {
        open.push({ id, revs: branches.map((x) => x.rev), paths: clash });
        break;
      }
      branches = await db.liveBranches(id);
    }
  }
  return open;
}

/** Merge two branches and write the result; the conflicting paths when they cannot be merged. */
async function mergeTwo(db: MissionDb, id: string, a: Branch, b: Branch): Promise<string[] | null> {
  const t = await tryMerge(db, id, a, b);
  if ('paths' in t) return t.paths;
  await db.writeReplicated(t.docs);
  return null;
}

/** The merge of two branches, or the paths that keep them apart. Writes nothing. */
async function tryMerge(
  db: MissionDb,
  id: string,
  a: Branch,
  b: Branch,
): Promise<{ paths: string[] } | { docs: WireDoc[] }> {
  const pa = profileOf(a.body);
  const pb = profileOf(b.body);
  if (!pa || !pb || pa.edition.status !== pb.edition.status) return { paths: ['edition.status'] };
  let base: { rev: string; body: Branch['body'] } | null = null;
  for (const rev of mergeBaseCandidates(a.revisions, b.revisions, [])) {
    const body = await db.bodyAt(id, rev);
    if (body) {
      base = { rev, body };
      break;
    }
  }
  const outcome = mergeBranches(id, a, b, base);
  if (outcome.kind === 'conflict') return { paths: outcome.conflicts.map((c) => c.path) };
  if (!profileOf(bodyOf(outcome.docs[0]))) return { paths: ['(the merge is not a valid profile)'] };
  return { docs: outcome.docs };
}

/** The open conflict of an edition as it is now (for the REST reads), or null when it has one branch. */
export async function openConflict(db: MissionDb, id: string): Promise<ProfileConflict | null> {
  const branches = await db.liveBranches(id);
  if (branches.length < 2) return null;
  const [a, b] = orderBranches(branches[0]!, branches[1]!);
  const t = await tryMerge(db, id, a, b);
  return { id, revs: branches.map((x) => x.rev), paths: 'paths' in t ? t.paths : [] };
}
