// The edition workflow (decision 133): draft → in review → approved → published, with a return to draft
// from review and a reopening of an approved edition; a published edition is frozen. Pure functions:
// each returns a new document or throws TERN_PROFILE_TRANSITION_REFUSED / TERN_PROFILE_FROZEN.
import { canonicalJson } from '@tern/sync';
import type { Comment, EditionStatus, ProfileBody, WorkflowStep } from '../document/schema.ts';
import { SECTION_IDS, type SectionId } from '../document/sections.ts';
import { ProfileError } from '../errors.ts';

/** Roles on one country's profile (the server's permission table grants them per country). */
export type ProfileRole = 'team' | 'reviewer' | 'publisher';
export type WorkflowAction = WorkflowStep['action'];

export const TRANSITIONS: Record<
  WorkflowAction,
  { from: EditionStatus; to: EditionStatus; roles: ProfileRole[] }
> = {
  submit: { from: 'draft', to: 'in_review', roles: ['team'] },
  return: { from: 'in_review', to: 'draft', roles: ['reviewer'] },
  approve: { from: 'in_review', to: 'approved', roles: ['reviewer'] },
  reopen: { from: 'approved', to: 'draft', roles: ['reviewer', 'publisher'] },
  publish: { from: 'approved', to: 'published', roles: ['publisher'] },
};

export interface Actor {
  by: string;
  roles: readonly ProfileRole[];
  at: string;
}

const refuse = (message: string, details: Record<string, unknown>): never => {
  throw new ProfileError('TERN_PROFILE_TRANSITION_REFUSED', message, details);
};

export const openComments = (doc: Pick<ProfileBody, 'sections'>): Array<Comment & { section: string }> =>
  Object.entries(doc.sections).flatMap(([section, s]) =>
    s.comments.filter((c) => !c.resolved).map((c) => ({ ...c, section })),
  );

/** The document after `action`, or a refusal that says why. */
export function transition<P extends ProfileBody>(
  doc: P,
  action: WorkflowAction,
  actor: Actor,
  note?: string,
): P {
  const t = TRANSITIONS[action];
  const status = doc.edition.status;
  if (!t) return refuse(`unknown action "${String(action)}"`, { action });
  if (status === 'published')
    throw new ProfileError('TERN_PROFILE_FROZEN', `Edition ${doc.edition.number} is published and frozen`, {
      action,
    });
  if (status !== t.from)
    return refuse(`"${action}" goes from ${t.from}; edition ${doc.edition.number} is ${status}`, {
      action,
      status,
    });
  if (!t.roles.some((r) => actor.roles.includes(r)))
    return refuse(`"${action}" needs the role ${t.roles.join(' or ')}`, { action, needs: t.roles });
  const open = openComments(doc);
  if ((action === 'approve' || action === 'publish') && open.length)
    return refuse(`${open.length} comment(s) are still open: resolve them before "${action}"`, {
      action,
      open: open.map((c) => ({ section: c.section, id: c._id })),
    });
  const step: WorkflowStep = {
    _id: `${action}:${actor.at}`,
    action,
    from: t.from,
    to: t.to,
    by: actor.by,
    at: actor.at,
    ...(note ? { note } : {}),
  };
  return {
    ...doc,
    edition: {
      ...doc.edition,
      status: t.to,
      history: [...doc.edition.history, step],
      ...(action === 'publish' ? { publishedAt: actor.at, publishedBy: actor.by } : {}),
    },
    updatedAt: actor.at,
    updatedBy: actor.by,
  };
}

const withoutComments = (sections: ProfileBody['sections']): ProfileBody['sections'] => {
  const out = { ...sections };
  for (const id of SECTION_IDS) out[id] = { ...sections[id], comments: [] };
  return out;
};
const content = (d: ProfileBody) =>
  canonicalJson({
    ...d,
    sections: withoutComments(d.sections),
    edition: null,
    updatedAt: null,
    updatedBy: null,
    device: null,
  });
const comments = (d: ProfileBody) => canonicalJson(Object.values(d.sections).map((s) => s.comments));

/**
 * May `actor` turn `before` into `after`? A published edition changes no more; content (text, tables,
 * values, settings, gap plans) changes only in a draft and by the country team; comments change before
 * publication, by the team or a reviewer; a status change is one allowed transition. Throws the refusal.
 */
export function checkEdit(before: ProfileBody, after: ProfileBody, actor: Pick<Actor, 'roles'>): void {
  const status = before.edition.status;
  if (status === 'published' && canonicalJson(before) !== canonicalJson(after))
    throw new ProfileError(
      'TERN_PROFILE_FROZEN',
      `Edition ${before.edition.number} is published and frozen`,
      {},
    );
  if (after.country !== before.country || after.edition.number !== before.edition.number)
    refuse('the country and edition number of a profile never change', {});
  if (content(before) !== content(after)) {
    if (status !== 'draft')
      refuse(`the text and figures change only in a draft; this edition is ${status}`, { status });
    if (!actor.roles.includes('team')) refuse('only the country team edits the text and figures', {});
  }
  if (comments(before) !== comments(after) && !actor.roles.some((r) => r === 'team' || r === 'reviewer'))
    refuse('comments are written by the country team and reviewers', {});
  if (after.edition.status !== status) {
    const step = after.edition.history.at(-1);
    const t = step && TRANSITIONS[step.action];
    if (
      !t ||
      t.from !== status ||
      t.to !== after.edition.status ||
      after.edition.history.length !== before.edition.history.length + 1
    )
      refuse(`${status} → ${after.edition.status} is not one allowed step`, {
        from: status,
        to: after.edition.status,
      });
    transition(before, step!.action, { by: step!.by, at: step!.at, roles: actor.roles });
  }
}

/** A comment on a section; refused on a published edition. */
export function addComment<P extends ProfileBody>(
  doc: P,
  section: SectionId,
  c: { id: string; by: string; at: string; text: string },
): P {
  if (doc.edition.status === 'published')
    throw new ProfileError('TERN_PROFILE_FROZEN', 'A published edition takes no more comments', { section });
  const s = doc.sections[section];
  const comment: Comment = { _id: c.id, by: c.by, at: c.at, text: c.text };
  return { ...doc, sections: { ...doc.sections, [section]: { ...s, comments: [...s.comments, comment] } } };
}

export function resolveComment<P extends ProfileBody>(
  doc: P,
  section: SectionId,
  id: string,
  by: { by: string; at: string },
): P {
  if (doc.edition.status === 'published')
    throw new ProfileError('TERN_PROFILE_FROZEN', 'A published edition is frozen', { section });
  const s = doc.sections[section];
  if (!s.comments.some((c) => c._id === id))
    return refuse(`no comment ${id} in section ${section}`, { section, id });
  const list = s.comments.map((c) => (c._id === id ? { ...c, resolved: { by: by.by, at: by.at } } : c));
  return { ...doc, sections: { ...doc.sections, [section]: { ...s, comments: list } } };
}

/** The next edition: a draft that starts from the last published one (text, tables, figures, plans; no comments or history). */
export function nextEdition(
  published: ProfileBody,
  o: { by: string; at: string; device: string },
): ProfileBody {
  if (published.edition.status !== 'published')
    refuse(
      `the next edition starts from a published one; edition ${published.edition.number} is ${published.edition.status}`,
      {
        status: published.edition.status,
      },
    );
  const { updatedAt: _u, updatedBy: _b, ...rest } = published;
  return {
    ...rest,
    edition: {
      number: published.edition.number + 1,
      status: 'draft',
      basedOn: published.edition.number,
      history: [],
    },
    sections: withoutComments(published.sections),
    createdAt: o.at,
    createdBy: o.by,
    device: o.device,
  };
}
