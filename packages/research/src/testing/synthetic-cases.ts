import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { prng, ulidAt, weighted } from '../synthetic/prng.ts';

/**
 * Synthetic cases as the server stores them (case document, Screening, for most an Assistance form),
 * with shares loosely like CTDC's published ones: mostly women and girls, sexual exploitation and
 * forced labour dominant, a few citizenships and destinations carrying most cases. Seeded: the same
 * documents every time. Names are placeholders — synthetic people, never real records.
 */
export interface SyntheticOptions {
  mission: string;
  cases: number;
  seed: number;
  /** Registration years, inclusive. */
  years?: readonly [number, number];
}

const CITIZENSHIP: ReadonlyArray<readonly [string, number]> = [
  ['UKR', 14],
  ['PHL', 12],
  ['MDA', 10],
  ['IDN', 9],
  ['KHM', 8],
  ['NGA', 7],
  ['MMR', 6],
  ['BLR', 5],
  ['GHA', 4],
  ['VNM', 4],
  ['ETH', 3],
  ['BGD', 3],
  ['HTI', 2],
  ['NPL', 2],
  ['SEN', 2],
  ['MLI', 1],
  ['GTM', 1],
  ['HND', 1],
  ['LAO', 1],
  ['SYR', 1],
];
const DESTINATION: ReadonlyArray<readonly [string, number]> = [
  ['USA', 16],
  ['RUS', 12],
  ['UKR', 8],
  ['THA', 8],
  ['MYS', 7],
  ['IDN', 6],
  ['PHL', 6],
  ['TUR', 5],
  ['ARE', 5],
  ['SAU', 4],
  ['LBY', 4],
  ['ITA', 3],
  ['POL', 3],
  ['MEX', 2],
  ['GBR', 2],
  ['DEU', 2],
];
const EXPLOITATION: ReadonlyArray<readonly [string[], number]> = [
  [['SexualExploitation'], 45],
  [['ForcedLabour'], 38],
  [['ForcedLabour', 'SexualExploitation'], 5],
  [['ForcedMarriage'], 4],
  [['Servitude'], 3],
  [['ForcedBegging'], 2],
  [['ChildLabour', 'ForcedLabour'], 2],
  [['Other'], 1],
];
const SECTORS = [
  'A_AgricultureForestryAndFishing',
  'C_Manufacturing',
  'F_Construction',
  'T_ActivitiesOfHouseholdsAsEmployers',
  'I_AccommodationAndFoodServiceActivities',
  'B_MiningAndQuarrying',
];
const CONTROL = [
  'PhysicalThreats',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'PsychologicalAbuse',
  'TakesEarnings',
  'WithholdsDocuments',
  'ExcessiveWorkingHours',
  'SexualAbuse',
  'RestrictsFinancialAccess',
];
const SUPPORT = ['Health', 'Financial', 'Education', 'Legal', 'Livelihood', 'SocialCare'];
const GENDER: ReadonlyArray<readonly [string, number]> = [
  ['Feminine', 70],
  ['Masculine', 28],
  ['TransgenderFeminine', 1],
  ['NonSpecifiedUnknown', 1],
];
const STATUS: ReadonlyArray<readonly [string, number]> = [
  ['ActualVictimOfTrafficking', 60],
  ['PossibleVictimOfTrafficking', 32],
  ['NotAVictimOfTrafficking', 8],
];

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = (rand: () => number, xs: readonly string[], p: number) => xs.filter(() => rand() < p);

export function wire(id: string, body: Record<string, unknown>): WireDoc {
  const { rev, revisions } = nextRevision(null, body);
  return { _id: id, _rev: rev, _revisions: revisions, ...body };
}

/** The documents of `cases` synthetic cases: 2 or 3 documents per case. */
export function syntheticCaseDocs(o: SyntheticOptions): WireDoc[] {
  const rand = prng(o.seed);
  const [y0, y1] = o.years ?? [2019, 2025];
  const docs: WireDoc[] = [];
  for (let i = 0; i < o.cases; i++) {
    const created =
      Date.UTC(y0 + Math.floor(rand() * (y1 - y0 + 1)), 0, 1) + Math.floor(rand() * 360) * 86_400_000;
    const caseId = `case:${ulidAt(created, rand)}`;
    const age = Math.max(3, Math.round(12 + rand() * 30 + (rand() < 0.3 ? -6 : 0)));
    const exploitation = weighted(rand, EXPLOITATION);
    const status = weighted(rand, STATUS);
    const at = new Date(created).toISOString();
    docs.push(
      wire(caseId, {
        type: 'case',
        mission: o.mission,
        code: `SYN-${i}`,
        status: 'screening',
        ...(rand() < 0.7
          ? {
              decision: {
                trafficking:
                  status === 'ActualVictimOfTrafficking'
                    ? 'actual'
                    : status === 'PossibleVictimOfTrafficking'
                      ? 'possible'
                      : 'not_victim',
                eligible: status !== 'NotAVictimOfTrafficking',
              },
            }
          : {}),
        pii: { fullName: `Synthetic Person ${i}` },
        history: [],
        createdAt: at,
        createdBy: 'synthetic',
        device: 'dev-synthetic',
      }),
    );
    const answers: Record<string, unknown> = {
      interview_date: at.slice(0, 10),
      con_Consent: 'yes',
      vic_AgreementToManagePersonalData: 'yes',
      prs_FirstName: 'Synthetic',
      prs_SecondName: `Person ${i}`,
      prs_Gender: weighted(rand, GENDER),
      age_stated: age,
      age_years: age,
      is_minor: age < 18 ? 'yes' : 'no',
      prs_Citizenship: [weighted(rand, CITIZENSHIP)],
      vic_TypeOfExploitation: exploitation,
      country_of_exploitation: weighted(rand, DESTINATION),
      vic_MethodsOfControl: some(rand, CONTROL, 0.25),
      vic_RelationshipToTrafficker: pick(rand, ['Familial', 'Acquainted', 'Unaquainted']),
      vic_TraffickingStatus: status,
      eligible_for_assistance: status === 'NotAVictimOfTrafficking' ? 'no' : 'yes',
      notes: `Free text about person ${i}`,
    };
    if (exploitation.includes('ForcedLabour')) answers.vic_ForcedLabourIndustry = pick(rand, SECTORS);
    if (exploitation.includes('SexualExploitation'))
      answers.vic_TypeOfSexExploitation = [
        pick(rand, ['Prostitution', 'Pornography', 'PrivateSexualServices']),
      ];
    docs.push(
      wire(`sub:${ulidAt(created + 1000, rand)}`, {
        type: 'submission',
        mission: o.mission,
        form: 'screening@1',
        caseId,
        answers,
        createdAt: at,
        device: 'dev-synthetic',
      }),
    );
    if (rand() < 0.6) {
      const when = created + 20 * 86_400_000;
      const transit = rand() < 0.3 ? [pick(rand, ['TUR', 'MEX', 'THA', 'POL', 'NER'])] : [];
      docs.push(
        wire(`sub:${ulidAt(when, rand)}`, {
          type: 'submission',
          mission: o.mission,
          form: 'assistance@1',
          caseId,
          createdAt: new Date(when).toISOString(),
          device: 'dev-synthetic',
          answers: {
            interview_date: new Date(when).toISOString().slice(0, 10),
            assistance_events: some(rand, SUPPORT, 0.35).map((t, k) => ({
              _id: ulidAt(when + k, rand),
              spl_Type: t,
              spl_Objectives: 'Private plan',
            })),
            trafficking_events: [
              {
                _id: ulidAt(when, rand),
                hte_Type: 'Recruitment',
                hte_Country: (answers.prs_Citizenship as string[])[0],
                hte_City: 'Somewhere',
              },
              ...transit.map((c) => ({ _id: ulidAt(when + 1, rand), hte_Type: 'Transit', hte_Country: c })),
              {
                _id: ulidAt(when + 2, rand),
                hte_Type: 'Exploitation',
                hte_Country: answers.country_of_exploitation,
                hte_TypeOfExploitation: exploitation,
              },
            ],
          },
        }),
      );
    }
  }
  return docs;
}

/** The next revision of a document with a new body (an edit made on a device, replicated as is). */
export function edited(doc: WireDoc, body: Record<string, unknown>): WireDoc {
  const { rev, revisions } = nextRevision({ rev: doc._rev, revisions: doc._revisions }, body);
  return { _id: doc._id, _rev: rev, _revisions: revisions, ...body };
}

/** The deletion of a document: its tombstone revision. */
export function deleted(doc: WireDoc): WireDoc {
  const { rev, revisions } = nextRevision(
    { rev: doc._rev, revisions: doc._revisions },
    {},
    { deleted: true },
  );
  return { _id: doc._id, _rev: rev, _revisions: revisions, _deleted: true };
}

/** The body of a wire document (no `_` fields). */
export function bodyOf(doc: WireDoc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
}
