import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { WireDoc } from '@tern/sync';
import { DIMENSIONS, UNKNOWN } from '../dimensions.ts';
import { isResearchError } from '../errors.ts';
import { syntheticCaseDocs, wire } from '../testing/synthetic-cases.ts';
import { AGE_BANDS, ageBand } from './age-band.ts';
import { CODES } from './codes.ts';
import { researchKeys } from './research-keys.ts';
import { deidentifyCase, rowFromFragments } from './research-row.ts';

const keys = researchKeys('a research secret that is long enough to key an HMAC');
const M = 'demo';
const CASE = 'case:01JH0000000000000000000001';

const caseDoc = (extra: Record<string, unknown> = {}) =>
  wire(CASE, {
    type: 'case',
    mission: M,
    code: 'DEMO-1',
    status: 'assisted',
    decision: { trafficking: 'actual', eligible: true, reason: 'Free text reason' },
    pii: { fullName: 'Amina Okafor', phone: '+234 555 0101', birthDate: '2001-03-04' },
    history: [],
    createdAt: '2024-05-06T09:00:00.000Z',
    createdBy: 'interviewer',
    device: 'dev-1',
    ...extra,
  });
const sub = (
  id: string,
  form: string,
  answers: Record<string, unknown>,
  createdAt = '2024-05-07T10:00:00.000Z',
) =>
  wire(`sub:${id}`, {
    type: 'submission',
    mission: M,
    form,
    caseId: CASE,
    answers,
    createdAt,
    device: 'dev-1',
  });

const screeningAnswers = {
  interview_date: '2024-05-07',
  con_Consent: 'yes',
  vic_AgreementToManagePersonalData: 'yes',
  prs_FirstName: 'Amina',
  prs_SecondName: 'Okafor',
  prs_Gender: 'Feminine',
  age_years: 19,
  prs_Citizenship: ['NGA', 'GHA'],
  vic_TypeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
  vic_ForcedLabourIndustry: 'C_Manufacturing',
  vic_TypeOfSexExploitation: ['Prostitution'],
  vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
  vic_RelationshipToTrafficker: 'Acquainted',
  vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
  country_of_exploitation: 'LBY',
  notes: 'She said her cousin in Tripoli arranged it',
};
const assistanceAnswers = {
  assistance_events: [
    { _id: '01JH00000000000000000000A1', spl_Type: 'Health', spl_Objectives: 'See a doctor' },
    { _id: '01JH00000000000000000000A2', spl_Type: 'Legal' },
  ],
  trafficking_events: [
    {
      _id: '01JH00000000000000000000E1',
      hte_Type: 'Recruitment',
      hte_Country: 'NGA',
      hte_City: 'Benin City',
    },
    { _id: '01JH00000000000000000000E2', hte_Type: 'Transit', hte_Country: 'NER', hte_Date: '2023-11-02' },
    {
      _id: '01JH00000000000000000000E3',
      hte_Type: 'Exploitation',
      hte_Country: 'LBY',
      hte_TypeOfExploitation: ['ForcedLabour'],
    },
  ],
};

describe('de-identified research rows', () => {
  it('keeps the research dimensions of a case, in CTDC conventions', () => {
    const row = deidentifyCase(
      caseDoc(),
      [
        sub('01JH0000000000000000000002', 'screening@1', screeningAnswers),
        sub('01JH0000000000000000000003', 'assistance@1', assistanceAnswers),
      ],
      M,
      keys,
    );
    expect(row).toEqual({
      ref: keys.caseRef(M, CASE),
      recordKey: keys.recordKey(M, CASE),
      mission: M,
      year: '2024',
      citizenship: 'NG', // the first citizenship, ISO alpha-2
      exploitationCountry: 'LY',
      exploitation: ['ForcedLabour', 'SexualExploitation'],
      labourSector: 'C_Manufacturing',
      sexExploitation: ['Prostitution'],
      gender: 'Feminine',
      ageBand: '18--20',
      meansOfControl: ['DebtBondage', 'WithholdsDocuments'],
      recruiterRelationship: 'Acquainted',
      traffickingStatus: 'ActualVictimOfTrafficking', // the case decision wins over the screening
      assistance: ['Health', 'Legal'],
      recruitmentCountry: 'NG',
      transitCountries: ['NE'],
    });
    // Every research dimension is in the row, and nothing else but the ref and the record key.
    expect(Object.keys(row!).sort()).toEqual([...Object.keys(DIMENSIONS), 'recordKey', 'ref'].sort());
  });

  it('holds no name, no free text and no date of the documents it came from', () => {
    const docs = [
      caseDoc(),
      sub('01JH0000000000000000000002', 'screening@1', screeningAnswers),
      sub('01JH0000000000000000000003', 'assistance@1', assistanceAnswers),
    ];
    const text = JSON.stringify(deidentifyCase(docs[0]!, docs.slice(1), M, keys));
    for (const secret of [
      'Amina',
      'Okafor',
      '+234',
      'cousin',
      'doctor',
      'Benin',
      'Free text',
      '2024-05',
      '2001',
      '2023-11',
      '01JH',
    ])
      expect(text).not.toContain(secret);
  });

  it('whatever a device sent, every value is a code of its list, an alpha-2 country, a year or a band', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.array(fc.string()),
      fc.integer(),
      fc.constantFrom('NGA', 'Feminine', 'Health', 'Transit', 'Other'),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(screeningAnswers), 'age_stated'), anything),
        fc.array(
          fc.dictionary(
            fc.constantFrom('spl_Type', 'hte_Type', 'hte_Country', 'hte_TypeOfExploitation'),
            anything,
          ),
        ),
        (answers, events) => {
          const row = deidentifyCase(
            caseDoc({ createdAt: '2024-01-01T00:00:00.000Z' }),
            [
              sub('01JH0000000000000000000002', 'screening@1', answers),
              sub('01JH0000000000000000000003', 'assistance@1', {
                assistance_events: events,
                trafficking_events: events,
              }),
            ],
            M,
            keys,
          );
          if (row === null) return; // consent refused
          const allowed: Record<string, ReadonlySet<string>> = { ...CODES, ageBand: new Set(AGE_BANDS) };
          for (const [dim, value] of Object.entries(row)) {
            if (dim === 'ref' || dim === 'recordKey' || dim === 'mission' || dim === 'year') continue;
            for (const v of Array.isArray(value) ? value : value === null ? [] : [value]) {
              if (/[cC]ountr|citizenship/.test(dim)) expect(v).toMatch(/^[A-Z]{2}$/);
              else expect(allowed[dim]!.has(String(v)), `${dim}=${v}`).toBe(true);
            }
          }
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it('takes the latest screening, whatever order the documents come in', () => {
    const older = sub(
      '01JH0000000000000000000002',
      'screening@1',
      { ...screeningAnswers, prs_Gender: 'Masculine' },
      '2024-05-07T10:00:00.000Z',
    );
    const newer = sub(
      '01JH0000000000000000000004',
      'screening@1',
      screeningAnswers,
      '2024-06-01T10:00:00.000Z',
    );
    expect(deidentifyCase(caseDoc(), [newer, older], M, keys)?.gender).toBe('Feminine');
    expect(deidentifyCase(caseDoc(), [older, newer], M, keys)?.gender).toBe('Feminine');
  });

  it('leaves out a case whose person refused consent, and a case document that is gone', () => {
    const refused = sub('01JH0000000000000000000002', 'screening@1', {
      ...screeningAnswers,
      vic_AgreementToManagePersonalData: 'no',
    });
    expect(deidentifyCase(caseDoc(), [refused], M, keys)).toBeNull();
    expect(rowFromFragments(undefined, [])).toBeNull();
    const tomb: WireDoc = { _id: CASE, _rev: '2-a', _revisions: { start: 2, ids: ['a'] }, _deleted: true };
    expect(deidentifyCase(tomb, [], M, keys)).toBeNull();
  });

  it('ignores forms of other cases and other forms; a case without forms has unknowns', () => {
    const other = wire('sub:01JH0000000000000000000009', {
      type: 'submission',
      mission: M,
      form: 'screening@1',
      caseId: 'case:01JH00000000000000000000ZZ',
      answers: screeningAnswers,
      createdAt: '2024-05-07T10:00:00.000Z',
      device: 'd',
    });
    const quick = sub('01JH0000000000000000000008', 'quick-screening@1', { full_name: 'X', gender: 'woman' });
    const row = deidentifyCase(caseDoc(), [other, quick], M, keys)!;
    expect(row.gender).toBeNull();
    expect(row.exploitation).toEqual([]);
    expect(row.traffickingStatus).toBe('ActualVictimOfTrafficking');
    expect(UNKNOWN).toBe('unknown');
  });

  it('uses the route of the Assistance form when the screening has no exploitation', () => {
    const bare = sub('01JH0000000000000000000002', 'screening@1', {
      ...screeningAnswers,
      vic_TypeOfExploitation: [],
      country_of_exploitation: undefined,
    });
    const row = deidentifyCase(
      caseDoc(),
      [bare, sub('01JH0000000000000000000003', 'assistance@1', assistanceAnswers)],
      M,
      keys,
    )!;
    expect(row.exploitationCountry).toBe('LY');
    expect(row.exploitation).toEqual(['ForcedLabour']);
  });

  it('de-identifies every synthetic case', () => {
    const docs = syntheticCaseDocs({ mission: M, cases: 50, seed: 1 });
    const cases = docs.filter((d) => d._id.startsWith('case:'));
    const rows = cases.map((c) =>
      deidentifyCase(
        c,
        docs.filter((d) => d.caseId === c._id),
        M,
        keys,
      ),
    );
    expect(rows.every((r) => r !== null && r.gender !== null && r.citizenship !== null)).toBe(true);
  });
});

describe('record keys', () => {
  it('are fixed per case, differ between cases and missions, and depend on the secret', () => {
    expect(keys.recordKey(M, CASE)).toBe(keys.recordKey(M, CASE));
    expect(keys.recordKey(M, CASE)).not.toBe(keys.recordKey(M, 'case:01JH0000000000000000000002'));
    expect(keys.recordKey(M, CASE)).not.toBe(keys.recordKey('other', CASE));
    const other = researchKeys('another research secret, also long enough for HMAC');
    expect(other.recordKey(M, CASE)).not.toBe(keys.recordKey(M, CASE));
    expect(other.fingerprint).not.toBe(keys.fingerprint);
    expect(keys.caseRef(M, CASE)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('are spread uniformly over 32 bits (the cell key of a cell is their sum modulo 2^32)', () => {
    const n = 20_000;
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < n; i++) {
      const k = keys.recordKey(M, `case:${i}`);
      expect(Number.isInteger(k) && k >= 0 && k < 2 ** 32).toBe(true);
      buckets[k >>> 28]! += 1;
    }
    // Chi-square with 15 degrees of freedom; 37.7 is its 0.999 quantile. Deterministic (fixed secret).
    const chi = buckets.reduce((s, b) => s + (b - n / 16) ** 2 / (n / 16), 0);
    expect(chi).toBeLessThan(37.7);
  });

  it('refuses a short secret', () => {
    let caught: unknown;
    try {
      researchKeys('short');
    } catch (e) {
      caught = e;
    }
    expect(isResearchError(caught, 'TERN_RESEARCH_BAD_PARAMETER')).toBe(true);
  });
});

describe('CTDC age bands', () => {
  it('bands ages as the codebook does', () => {
    const cases: Array<[unknown, string | null]> = [
      [0, '0--8'],
      [8, '0--8'],
      [9, '9--17'],
      [17, '9--17'],
      [18, '18--20'],
      [20, '18--20'],
      [21, '21--23'],
      [29, '27--29'],
      [30, '30--38'],
      [38, '30--38'],
      [39, '39--47'],
      [47, '39--47'],
      [48, '48+'],
      [120, '48+'],
      ['25', '24--26'],
      [-1, null],
      [121, null],
      ['', null],
      [undefined, null],
      [17.9, '9--17'],
    ];
    for (const [age, band] of cases) expect(ageBand(age), String(age)).toBe(band);
  });
});
