import { describe, expect, it } from 'vitest';
import { type EditionStatus, type ProfileBody, parseProfile } from '../document/schema.ts';
import { type ProfileError, isProfileError } from '../errors.ts';
import { AT, kenyaProfile } from '../test-profile.ts';
import {
  type Actor,
  type ProfileRole,
  TRANSITIONS,
  type WorkflowAction,
  addComment,
  checkEdit,
  nextEdition,
  resolveComment,
  transition,
} from './workflow.ts';

const as = (...roles: ProfileRole[]): Actor => ({ by: roles.join('+') || 'nobody', roles, at: AT });
const team = as('team');
const reviewer = as('reviewer');
const publisher = as('publisher');

function refusal(f: () => unknown): ProfileError {
  try {
    f();
  } catch (e) {
    if (isProfileError(e)) return e;
    throw e;
  }
  throw new Error('not refused');
}

const withText = (p: ProfileBody, en: string): ProfileBody => ({
  ...p,
  sections: {
    ...p.sections,
    remittances: { ...p.sections.remittances, paragraphs: [{ _id: 'p1', text: { en } }] },
  },
});

/** draft → in_review → approved → published, by the right roles. */
function published(): ProfileBody {
  let p = transition(withText(kenyaProfile(), 'Remittances grew.'), 'submit', team);
  p = transition(p, 'approve', reviewer);
  return transition(p, 'publish', publisher);
}

describe('the edition workflow', () => {
  it('goes draft → in review → approved → published and records who did each step', () => {
    const p = published();
    expect(p.edition.status).toBe('published');
    expect(p.edition.history.map((s) => [s.action, s.from, s.to, s.by])).toEqual([
      ['submit', 'draft', 'in_review', 'team'],
      ['approve', 'in_review', 'approved', 'reviewer'],
      ['publish', 'approved', 'published', 'publisher'],
    ]);
    expect([p.edition.publishedAt, p.edition.publishedBy]).toEqual([AT, 'publisher']);
    expect(() => parseProfile(p)).not.toThrow();
  });

  it('refuses every transition that does not start from the current status, whatever the role', () => {
    const statuses: EditionStatus[] = ['draft', 'in_review', 'approved'];
    const all = as('team', 'reviewer', 'publisher');
    for (const status of statuses)
      for (const action of Object.keys(TRANSITIONS) as WorkflowAction[]) {
        const doc = { ...kenyaProfile(), edition: { ...kenyaProfile().edition, status } };
        if (TRANSITIONS[action].from === status)
          expect(transition(doc, action, all).edition.status).toBe(TRANSITIONS[action].to);
        else expect(refusal(() => transition(doc, action, all)).code).toBe('TERN_PROFILE_TRANSITION_REFUSED');
      }
  });

  it('refuses a step to a role that may not take it', () => {
    expect(refusal(() => transition(kenyaProfile(), 'submit', reviewer)).message).toBe(
      '"submit" needs the role team',
    );
    const inReview = transition(kenyaProfile(), 'submit', team);
    expect(refusal(() => transition(inReview, 'approve', team)).message).toBe(
      '"approve" needs the role reviewer',
    );
    const approved = transition(inReview, 'approve', reviewer);
    expect(refusal(() => transition(approved, 'publish', reviewer)).message).toBe(
      '"publish" needs the role publisher',
    );
  });

  it('a published edition is frozen: no transition, no comment, no edit', () => {
    const p = published();
    for (const action of Object.keys(TRANSITIONS) as WorkflowAction[])
      expect(refusal(() => transition(p, action, as('team', 'reviewer', 'publisher'))).code).toBe(
        'TERN_PROFILE_FROZEN',
      );
    expect(
      refusal(() => addComment(p, 'remittances', { id: 'c1', by: 'r', at: AT, text: 'late' })).code,
    ).toBe('TERN_PROFILE_FROZEN');
    expect(refusal(() => checkEdit(p, withText(p, 'Changed after publication.'), as('team'))).code).toBe(
      'TERN_PROFILE_FROZEN',
    );
    expect(() => checkEdit(p, p, team)).not.toThrow();
  });

  it('comments per section: an open comment blocks approval until resolved', () => {
    const inReview = transition(kenyaProfile(), 'submit', team);
    const commented = addComment(inReview, 'remittances', {
      id: 'c1',
      by: 'amina',
      at: AT,
      text: 'Which year?',
    });
    const e = refusal(() => transition(commented, 'approve', reviewer));
    expect(e.message).toBe('1 comment(s) are still open: resolve them before "approve"');
    expect(e.details!.open).toEqual([{ section: 'remittances', id: 'c1' }]);
    const resolved = resolveComment(commented, 'remittances', 'c1', { by: 'wanjiru', at: AT });
    expect(transition(resolved, 'approve', reviewer).edition.status).toBe('approved');
    expect(
      refusal(() => resolveComment(commented, 'remittances', 'nope', { by: 'x', at: AT })).message,
    ).toMatch(/no comment nope/);
  });

  it('checkEdit: text changes only in a draft and by the team; comments by team or reviewer; status by one allowed step', () => {
    const draft = withText(kenyaProfile(), 'A');
    expect(() => checkEdit(draft, withText(draft, 'B'), team)).not.toThrow();
    expect(refusal(() => checkEdit(draft, withText(draft, 'B'), reviewer)).message).toMatch(
      /only the country team/,
    );
    const inReview = transition(draft, 'submit', team);
    expect(refusal(() => checkEdit(inReview, withText(inReview, 'B'), team)).message).toMatch(
      /only in a draft/,
    );
    const commented = addComment(inReview, 'remittances', { id: 'c1', by: 'amina', at: AT, text: 'Why?' });
    expect(() => checkEdit(inReview, commented, reviewer)).not.toThrow();
    expect(refusal(() => checkEdit(inReview, commented, publisher)).message).toMatch(/comments are written/);
    // Jumping from draft to published by editing the status field is refused.
    const jumped = { ...draft, edition: { ...draft.edition, status: 'published' as const } };
    expect(refusal(() => checkEdit(draft, jumped, as('team', 'reviewer', 'publisher'))).message).toMatch(
      /draft → published is not one allowed step/,
    );
    // One allowed step, by a role that may take it, passes; by another role it does not.
    expect(() => checkEdit(draft, inReview, team)).not.toThrow();
    expect(refusal(() => checkEdit(draft, inReview, reviewer)).message).toMatch(/needs the role team/);
    expect(refusal(() => checkEdit(draft, { ...draft, country: 'UGA' }, team)).message).toMatch(
      /never change/,
    );
  });

  it('the next edition starts from the last published one, as a draft without comments or history', () => {
    const p = published();
    const next = nextEdition(p, { by: 'wanjiru', at: '2027-01-10T08:00:00.000Z', device: 'dev-2' });
    expect(next.edition).toEqual({ number: 2, status: 'draft', basedOn: 1, history: [] });
    expect(next.sections.remittances.paragraphs).toEqual(p.sections.remittances.paragraphs);
    expect(next.values).toEqual(p.values);
    expect(Object.values(next.sections).every((s) => s.comments.length === 0)).toBe(true);
    expect(() => parseProfile(next)).not.toThrow();
    expect(refusal(() => nextEdition(kenyaProfile(), { by: 'x', at: AT, device: 'd' })).message).toMatch(
      /starts from a published one/,
    );
  });
});
