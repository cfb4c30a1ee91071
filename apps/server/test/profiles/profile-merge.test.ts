import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenyaDraft } from '../../src/seed/demo-profile.ts';
import { AT, NOW, edits, get, profileApp, push, revise } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

/** Two devices edit the same draft offline (decision 155): merged by paragraph, or kept as a conflict. */
let t: ProfileApp;

beforeAll(async () => {
  t = await profileApp();
});
afterAll(async () => {
  await t.close();
});

const text = async (id: string) => {
  const res = await get(t, 'national', `/api/profiles/KEN/editions/${id.split(':')[2]}`);
  return res.json() as {
    edition: {
      sections: { 'migration-trends': { paragraphs: Array<{ _id: string; text: { en: string } }> } };
    };
    conflict: { paths: string[]; revs: string[] } | null;
  };
};

describe('offline edits of one draft', () => {
  it('of different paragraphs merge into one revision with both', async () => {
    const base = revise(null, 'profile:KEN:1', kenyaDraft({ by: 'national', at: AT, device: 'a', now: NOW }));
    expect((await push(t, 'national', 'KEN', [base])).body.results[0]?.ok).toBe(true);
    const laptop = edits.paragraph(base, 'p1', 'en', 'Laptop: about one million migrants.');
    const tablet = edits.paragraph(base, 'p2', 'en', 'Tablet: most from neighbouring countries.');
    expect((await push(t, 'national', 'KEN', [laptop])).body.results[0]?.ok).toBe(true);
    const r = await push(t, 'national', 'KEN', [tablet]);
    expect(r.body.results[0]?.ok).toBe(true);
    expect(r.body.conflicts).toEqual([]);
    const read = await text('profile:KEN:1');
    expect(read.conflict).toBeNull();
    expect(read.edition.sections['migration-trends'].paragraphs.map((p) => p.text.en)).toEqual([
      'Laptop: about one million migrants.',
      'Tablet: most from neighbouring countries.',
    ]);
  });

  it('of the same paragraph are kept as a conflict, both texts stored, none overwritten', async () => {
    const now = (await push(t, 'national', 'KEN', [])).body.changes.find((d) => d._id === 'profile:KEN:1')!;
    const laptop = edits.paragraph(now, 'p1', 'en', 'Laptop wording.');
    const tablet = edits.paragraph(now, 'p1', 'en', 'Tablet wording.');
    expect((await push(t, 'national', 'KEN', [laptop])).body.results[0]?.ok).toBe(true);
    const r = await push(t, 'national', 'KEN', [tablet]);
    expect(r.body.results[0]?.ok).toBe(true);
    expect(r.body.conflicts).toEqual([
      {
        id: 'profile:KEN:1',
        revs: expect.arrayContaining([laptop._rev, tablet._rev]),
        paths: ['sections.migration-trends.paragraphs[p1].text.en'],
      },
    ]);
    const read = await text('profile:KEN:1');
    expect(read.conflict?.paths).toEqual(['sections.migration-trends.paragraphs[p1].text.en']);
    const branches = await t.store.profile('KEN').liveBranches('profile:KEN:1');
    const texts = branches.map(
      (b) =>
        (b.body as { sections: { 'migration-trends': { paragraphs: Array<{ text: { en: string } }> } } })
          .sections['migration-trends'].paragraphs[0]!.text.en,
    );
    expect(texts.sort()).toEqual(['Laptop wording.', 'Tablet wording.']);
    const listed = (await get(t, 'national', '/api/profiles')).json().countries[0].editions[0];
    expect(listed.conflict).toBe(true);
  });
});
