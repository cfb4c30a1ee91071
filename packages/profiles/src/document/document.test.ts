import { readFileSync } from 'node:fs';
import { threeWayMerge } from '@tern/sync';
import { describe, expect, it } from 'vitest';
import { isProfileError } from '../errors.ts';
import { importSdmxCsv } from '../import/sdmx-csv.ts';
import { AT, NOW, kenyaProfile } from '../test-profile.ts';
import { countryName, isAlpha3, toAlpha3 } from './country.ts';
import { profileDocId, valueKey } from './keys.ts';
import { type ProfileBody, parseProfile } from './schema.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../import/fixtures/${name}`, import.meta.url), 'utf8');
const issuesOf = (body: unknown): string[] => {
  try {
    parseProfile(body);
  } catch (e) {
    if (isProfileError(e, 'TERN_PROFILE_INVALID'))
      return (e.details!.issues as Array<{ path: string; message: string }>).map(
        (i) => `${i.path}: ${i.message}`,
      );
    throw e;
  }
  return [];
};
const withParagraphs = (
  p: ProfileBody,
  paragraphs: ProfileBody['sections']['remittances']['paragraphs'],
) => ({
  ...p,
  sections: { ...p.sections, 'migration-trends': { ...p.sections['migration-trends'], paragraphs } },
});
const merge = (base: ProfileBody, a: ProfileBody, b: ProfileBody) =>
  threeWayMerge(base, a, b, { meta: ['updatedAt', 'updatedBy', 'device'] });

describe('the profile document', () => {
  it('a new profile is valid and has the nine sections, empty', () => {
    const p = kenyaProfile();
    expect(Object.keys(p.sections)).toHaveLength(9);
    expect(issuesOf(p)).toEqual([]);
    expect(profileDocId(p.country, p.edition.number)).toBe('profile:KEN:1');
  });

  it('refuses a country that is not ISO 3166 alpha-3, and a language tag that is not canonical BCP-47', () => {
    expect(issuesOf({ ...kenyaProfile(), country: 'XXX' })).toEqual([
      'country: not an ISO 3166-1 alpha-3 country code',
    ]);
    expect(issuesOf({ ...kenyaProfile(), country: 'ken' })).toHaveLength(1);
    expect(issuesOf({ ...kenyaProfile(), languages: ['en', 'EN'] })[0]).toMatch(
      /^languages.1: not a canonical BCP-47/,
    );
    expect(issuesOf({ ...kenyaProfile(), title: { en_GB: 'x' } })[0]).toMatch(/^title/);
    // Other languages than the five of the product are welcome (Swahili, Brazilian Portuguese).
    expect(issuesOf({ ...kenyaProfile(), languages: ['sw', 'pt-BR'], title: { sw: 'Uhamiaji' } })).toEqual(
      [],
    );
  });

  it('refuses duplicate item ids, an unknown section, and values that break their indicator', () => {
    const dup = withParagraphs(kenyaProfile(), [
      { _id: 'p1', text: { en: 'a' } },
      { _id: 'p1', text: { en: 'b' } },
    ]);
    expect(issuesOf(dup)).toEqual(['sections.migration-trends.paragraphs.1._id: duplicate id p1']);
    expect(issuesOf({ ...kenyaProfile(), sections: { ...kenyaProfile().sections, health: {} } })[0]).toMatch(
      /^sections/,
    );
    const v = {
      _id: valueKey('immigration', 2020, 'S'),
      indicator: 'immigration',
      year: 2020,
      value: -5,
      unit: 'USD million (current prices)',
      source: 'S',
      definition: 'd',
      reliability: 'r',
    };
    expect(issuesOf({ ...kenyaProfile(), values: [v] })).toEqual([
      'values.0.unit: Immigration is in persons',
      'values.0.value: Immigration cannot be negative',
    ]);
    expect(issuesOf({ ...kenyaProfile(), values: [{ ...v, value: 5, unit: 'persons', _id: 'v1' }] })).toEqual(
      ['values.0._id: a value is keyed by indicator, year and source'],
    );
  });

  it('country codes: alpha-3 checked, alpha-2 (Eurostat EL, UK) mapped, names in each language', () => {
    expect([isAlpha3('KEN'), isAlpha3('XKX'), isAlpha3('KE')]).toEqual([true, false, false]);
    expect([toAlpha3('at'), toAlpha3('EL'), toAlpha3('UK'), toAlpha3('QQ')]).toEqual([
      'AUT',
      'GRC',
      'GBR',
      undefined,
    ]);
    expect(countryName('KEN', 'fr')).toBe('Kenya');
    expect(countryName('KEN', 'ru')).toBe('Кения');
  });
});

describe('two offline edits merge (decision 130)', () => {
  const base = withParagraphs(kenyaProfile(), [
    { _id: 'p1', text: { en: 'Kenya hosts refugees.', fr: 'Le Kenya accueille des réfugiés.' } },
  ]);

  it('the English and the French of one paragraph, edited on two devices, both survive', () => {
    const a = withParagraphs(base, [
      {
        _id: 'p1',
        text: { ...base.sections['migration-trends'].paragraphs[0]!.text, en: 'Kenya hosts many refugees.' },
      },
    ]);
    const b = withParagraphs(base, [
      {
        _id: 'p1',
        text: {
          ...base.sections['migration-trends'].paragraphs[0]!.text,
          fr: 'Le Kenya accueille beaucoup de réfugiés.',
        },
      },
    ]);
    const r = merge(base, a, b);
    expect(r.conflicts).toEqual([]);
    expect(parseProfile(r.merged).sections['migration-trends'].paragraphs[0]!.text).toEqual({
      en: 'Kenya hosts many refugees.',
      fr: 'Le Kenya accueille beaucoup de réfugiés.',
    });
  });

  it('new paragraphs, comments and imports on both sides are all kept; the same file imported twice is one set', () => {
    const a = importSdmxCsv(
      withParagraphs(base, [
        ...base.sections['migration-trends'].paragraphs,
        { _id: 'p-a', text: { en: 'From A' } },
      ]),
      fixture('ken-sdmx-v1.csv'),
      { now: NOW },
    ).profile;
    const b0 = importSdmxCsv(base, fixture('ken-sdmx-v1.csv'), { now: NOW }).profile;
    const b = importSdmxCsv(
      {
        ...b0,
        sections: {
          ...b0.sections,
          remittances: {
            ...b0.sections.remittances,
            comments: [{ _id: 'c-b', by: 'amina', at: AT, text: 'Source?' }],
          },
        },
      },
      fixture('ken-sdmx-v2-labels.csv'),
      { now: NOW },
    ).profile;
    const r = merge(base, a, b);
    expect(r.conflicts).toEqual([]);
    const m = parseProfile(r.merged);
    expect(m.values).toHaveLength(11);
    expect(m.sections['migration-trends'].paragraphs.map((p) => p._id)).toEqual(['p1', 'p-a']);
    expect(m.sections.remittances.comments.map((c) => c._id)).toEqual(['c-b']);
  });

  it('two different figures from the same source for the same year conflict on that value only', () => {
    const once = importSdmxCsv(base, fixture('ken-sdmx-v1.csv'), { now: NOW }).profile;
    const a = importSdmxCsv(once, fixture('ken-sdmx-v1.csv').replace(',38000,', ',38500,'), {
      now: NOW,
      replace: true,
    }).profile;
    const b = importSdmxCsv(once, fixture('ken-sdmx-v1.csv').replace(',38000,', ',37900,'), {
      now: NOW,
      replace: true,
    }).profile;
    const r = merge(once, a, b);
    const id = valueKey('immigration', 2022, 'Kenya Department of Immigration register');
    expect(r.conflicts.map((c) => [c.path, c.values])).toEqual([[`values[${id}].value`, [38500, 37900]]]);
  });

  it('the same words of one paragraph changed differently on two devices are a conflict, not a silent pick', () => {
    const edit = (en: string) =>
      withParagraphs(base, [
        { _id: 'p1', text: { ...base.sections['migration-trends'].paragraphs[0]!.text, en } },
      ]);
    const r = merge(base, edit('One.'), edit('Two.'));
    expect(r.conflicts.map((c) => c.path)).toEqual(['sections.migration-trends.paragraphs[p1].text.en']);
  });
});
