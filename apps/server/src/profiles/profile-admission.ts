import type { MissionDb } from '@tern/store';
import { checkEdit, isProfileError, parseProfile } from '@tern/profiles';
import type { ProfileBody, ProfileErrorCode, ProfileRole } from '@tern/profiles';
import { bodyOf, parseRev, revsFromHistory, verifyRev } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import type { ErrorCode } from '../errors.ts';
import { historyRejection } from '../ingest/history-rule.ts';
import type { StoredState } from '../ingest/stored-state.ts';
import { unsealedFigure } from './tern-figures.ts';
import type { FigureSeal } from './tern-figures.ts';

/** Why one pushed profile revision may not be stored: a server code, or @tern/profiles' own. */
export interface ProfileRejection {
  code: ErrorCode | ProfileErrorCode;
  reason: string;
  field?: string;
}

/** Who pushes: the account and the roles it holds on this country (an admin: all three). */
export interface ProfileActor {
  by: string;
  roles: readonly ProfileRole[];
}

/** `profile:<ISO3>:<edition>` (decision 130). */
export const PROFILE_ID = /^profile:([A-Z]{3}):([1-9][0-9]{0,3})$/;

const refuse = (code: ProfileRejection['code'], reason: string, field?: string): ProfileRejection => ({
  code,
  reason,
  ...(field ? { field } : {}),
});

/** The body as a profile, or undefined (a tombstone, or something older than the schema). */
export function profileOf(body: unknown): ProfileBody | undefined {
  try {
    return parseProfile(body);
  } catch {
    return undefined;
  }
}

/**
 * May `actor` store this revision of `country`'s profile (decision 155)? The document must be an
 * edition of this country, its rev the hash of its parent and body, its history a continuation of
 * the stored tree; nothing is added to an edition that is published; and the change from the nearest
 * stored ancestor must pass @tern/profiles' `checkEdit` for the actor's roles, with every new workflow
 * step, comment and resolution signed by the actor, and every figure citing Tern sealed by this server
 * (decision 212). A new document is a draft edition made by the team.
 */
export async function admitProfileDoc(
  db: MissionDb,
  country: string,
  doc: WireDoc,
  actor: ProfileActor,
  stored: StoredState,
  seal: FigureSeal,
): Promise<ProfileRejection | null> {
  try {
    parseRev(doc._rev);
  } catch (e) {
    return refuse('TERN_DOC_INVALID', (e as Error).message, '_rev');
  }
  const m = PROFILE_ID.exec(doc._id);
  if (!m || m[1] !== country)
    return refuse(
      'TERN_PROFILE_WRONG_COUNTRY',
      `Document id ${JSON.stringify(doc._id.slice(0, 80))} is not profile:${country}:<edition>`,
      '_id',
    );
  const body = bodyOf(doc);
  if (!verifyRev(doc, body))
    return refuse('TERN_REV_MISMATCH', `Revision ${doc._rev} is not the hash of its parent and body`, '_rev');
  const history = await historyRejection(doc, stored);
  if (history) return history;
  // Already held (a retried push): storing it again changes nothing.
  if (await db.bodyAt(doc._id, doc._rev)) return null;
  const live = await db.liveBranches(doc._id);
  const published = live.map((b) => profileOf(b.body)).find((p) => p?.edition.status === 'published');
  if (published)
    return refuse(
      'TERN_PROFILE_FROZEN',
      `Edition ${published.edition.number} of ${country} is published and frozen: start the next edition instead`,
    );
  if (doc._deleted) {
    if (live.length < 2)
      return refuse(
        'TERN_PROFILE_TRANSITION_REFUSED',
        'An edition is never deleted; a deleted revision only closes one side of a conflict',
        '_deleted',
      );
    return actor.roles.includes('team')
      ? null
      : refuse('TERN_PROFILE_TRANSITION_REFUSED', 'Only the country team settles a conflict of its text');
  }
  let after: ProfileBody;
  try {
    after = parseProfile(body);
  } catch (e) {
    return isProfileError(e) ? refuse(e.code, e.message) : refuse('TERN_DOC_INVALID', (e as Error).message);
  }
  if (after.country !== country || after.edition.number !== Number(m[2]))
    return refuse(
      'TERN_PROFILE_WRONG_COUNTRY',
      `The body is edition ${after.edition.number} of ${after.country}; its id says ${doc._id}`,
      'country',
    );
  const forged = unsealedFigure(seal, after);
  if (forged) return forged;
  const before = await nearestStoredAncestor(db, doc);
  if (!before) return newEdition(db, after, actor);
  try {
    checkEdit(before, after, actor);
  } catch (e) {
    if (isProfileError(e)) return refuse(e.code, e.message);
    throw e;
  }
  return signed(before, after, actor);
}

/** The nearest revision of the pushed history whose body the server holds, as a profile. */
async function nearestStoredAncestor(db: MissionDb, doc: WireDoc): Promise<ProfileBody | undefined> {
  for (const rev of revsFromHistory(doc._revisions).slice(1)) {
    const body = await db.bodyAt(doc._id, rev);
    if (body) return profileOf(body);
  }
  return undefined;
}

/** A new edition: a draft by the team, no steps, no comments; edition n > 1 follows a published n − 1. */
async function newEdition(
  db: MissionDb,
  p: ProfileBody,
  actor: ProfileActor,
): Promise<ProfileRejection | null> {
  const no = (why: string) => refuse('TERN_PROFILE_TRANSITION_REFUSED', `A new edition ${why}`);
  if (!actor.roles.includes('team')) return no('is started by the country team');
  if (p.edition.status !== 'draft' || p.edition.history.length > 0)
    return no('starts as a draft, with no steps');
  if (Object.values(p.sections).some((s) => s.comments.length > 0)) return no('starts without comments');
  const n = p.edition.number;
  if (n === 1) return p.edition.basedOn === null ? null : no('1 is based on no earlier edition');
  if (p.edition.basedOn !== n - 1) return no(`${n} is based on edition ${n - 1}`);
  const last = await db.get(`profile:${p.country}:${n - 1}`);
  if (profileOf(last ? bodyOf(last) : undefined)?.edition.status !== 'published')
    return no(`${n} starts from edition ${n - 1} once it is published`);
  return null;
}

/** New workflow steps, comments and resolutions carry the name of who pushes them, no one else's. */
function signed(before: ProfileBody, after: ProfileBody, actor: ProfileActor): ProfileRejection | null {
  const forged = (what: string, by: string) =>
    refuse(
      'TERN_PROFILE_TRANSITION_REFUSED',
      `${what} is signed ${JSON.stringify(by)} but ${actor.by} pushed it`,
    );
  const steps = new Set(before.edition.history.map((s) => s._id));
  for (const s of after.edition.history)
    if (!steps.has(s._id) && s.by !== actor.by) return forged(`Step ${s._id}`, s.by);
  for (const [id, section] of Object.entries(after.sections)) {
    const old = new Map(before.sections[id as keyof ProfileBody['sections']].comments.map((c) => [c._id, c]));
    for (const c of section.comments) {
      const was = old.get(c._id);
      if (!was && c.by !== actor.by) return forged(`Comment ${c._id}`, c.by);
      if (c.resolved && !was?.resolved && c.resolved.by !== actor.by)
        return forged(`The resolution of comment ${c._id}`, c.resolved.by);
    }
  }
  return null;
}
