import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProfileBody } from '../document/schema.ts';
import { importSdmxCsv } from '../import/sdmx-csv.ts';
import { text, values } from '../test-arbitraries.ts';
import { NOW, kenyaProfile } from '../test-profile.ts';
import { diffEditions, diffLines, isEmptyDiff } from './diff.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../import/fixtures/${name}`, import.meta.url), 'utf8');
const withParagraphs = (
  p: ProfileBody,
  paragraphs: Array<{ _id: string; text: Record<string, string> }>,
) => ({
  ...p,
  sections: { ...p.sections, 'migration-trends': { ...p.sections['migration-trends'], paragraphs } },
});

describe('the diff between two editions', () => {
  const one = withParagraphs(
    importSdmxCsv(kenyaProfile(), fixture('ken-sdmx-v1.csv'), { now: NOW }).profile,
    [
      {
        _id: 'p1',
        text: {
          en: 'Kenya hosts about one million migrants.',
          fr: 'Le Kenya accueille un million de migrants.',
        },
      },
      { _id: 'p2', text: { en: 'Emigration is poorly measured.' } },
    ],
  );
  const two = withParagraphs(
    importSdmxCsv(one, fixture('ken-sdmx-v1.csv').replace(',38000,', ',38500,'), { now: NOW, replace: true })
      .profile,
    [
      {
        _id: 'p1',
        text: {
          en: 'Kenya hosts about 1.05 million migrants.',
          fr: 'Le Kenya accueille un million de migrants.',
        },
      },
      { _id: 'p3', text: { en: 'Remittances reached a record in 2023.' } },
    ],
  );
  const twoMore = importSdmxCsv(two, fixture('ken-sdmx-v2-labels.csv'), { now: NOW }).profile;
  const d = diffEditions(one, { ...twoMore, edition: { ...twoMore.edition, number: 2 } });

  it('text by paragraph and language, with the words that changed', () => {
    expect(d.text.map((t) => [t.paragraph, t.language, t.change])).toEqual([
      ['p1', 'en', 'changed'],
      ['p3', 'en', 'added'],
      ['p2', 'en', 'removed'],
    ]);
    expect(d.text[0]!.parts.filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: 'one' },
      { op: 'added', text: '1.05' },
    ]);
  });

  it('figures by indicator, year and source: changed and added', () => {
    expect(d.figures.map((f) => [f.indicator, f.year, f.source, f.change, f.before, f.after])).toEqual([
      ['asylum-applications', 2022, 'UNHCR Refugee Data Finder', 'added', null, 21340],
      ['asylum-applications', 2023, 'UNHCR Refugee Data Finder', 'added', null, 24511],
      ['immigration', 2022, 'Kenya Department of Immigration register', 'changed', 38000, 38500],
    ]);
  });

  it('reads as lines a reviewer can follow', () => {
    expect(diffLines(d)).toEqual([
      'Edition 1 → 2',
      'Migration trends ¶p1 (en) changed: Kenya hosts about [-one-]{+1.05+} million migrants.',
      'Migration trends ¶p3 (en) added: {+Remittances reached a record in 2023.+}',
      'Migration trends ¶p2 (en) removed: [-Emigration is poorly measured.-]',
      'asylum-applications 2022 (UNHCR Refugee Data Finder) added: — → 21340',
      'asylum-applications 2023 (UNHCR Refugee Data Finder) added: — → 24511',
      'immigration 2022 (Kenya Department of Immigration register) changed: 38000 → 38500',
    ]);
    expect(diffLines(d, 'fr')[1]).toMatch(/^Tendances migratoires ¶p1/);
  });

  it('tables and a reliability note count as changes; comments and workflow do not', () => {
    const table = {
      _id: 't1',
      title: { en: 'Immigration' },
      indicators: ['immigration'],
      chart: 'line' as const,
    };
    const a = {
      ...one,
      sections: { ...one.sections, remittances: { ...one.sections.remittances, tables: [table] } },
    };
    const b = {
      ...a,
      sections: {
        ...a.sections,
        remittances: {
          ...a.sections.remittances,
          tables: [{ ...table, chart: 'bar' as const }],
          comments: [{ _id: 'c', by: 'x', at: '2026-01-01T00:00:00.000Z', text: 'hm' }],
        },
      },
      values: a.values.map((v, i) => (i === 0 ? { ...v, reliability: 'revised by the source' } : v)),
      edition: { ...a.edition, status: 'in_review' as const },
    };
    const dd = diffEditions(a, b);
    expect(dd.tables).toEqual([
      { section: 'remittances', table: 't1', change: 'changed', fields: ['chart'] },
    ]);
    expect(dd.figures.map((f) => [f.change, f.fields])).toEqual([['changed', ['reliability']]]);
    expect(dd.text).toEqual([]);
  });

  it('an edition compared with itself has no differences (property, fixed seed)', () => {
    const paragraphs = fc.uniqueArray(
      fc.record({
        _id: fc.stringMatching(/^[a-z0-9]{1,8}$/),
        text: fc.dictionary(fc.constantFrom('en', 'fr', 'ar'), text),
      }),
      { selector: (p) => p._id, maxLength: 6 },
    );
    fc.assert(
      fc.property(values, paragraphs, (vs, ps) => {
        const p = withParagraphs({ ...kenyaProfile(), values: vs }, ps);
        expect(isEmptyDiff(diffEditions(p, structuredClone(p)))).toBe(true);
      }),
      { seed: 1533, numRuns: 150 },
    );
  });
});
