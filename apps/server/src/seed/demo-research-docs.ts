import { caseCode } from '@tern/cases';
import type { CaseBody, CaseStatus, StatusChange } from '@tern/cases';
import {
  AGE_SHARES,
  CONTROL_CODES,
  GENDER_SHARES,
  REGIONS,
  RELATION_SHARES,
  SECTOR_SHARES,
  YEAR_SHARES,
  prng,
  ulidAt,
  weighted,
} from '@tern/research/synthetic';
import type { Region } from '@tern/research/synthetic';
import type { WireDoc } from '@tern/sync';
import { FAMILY, GIVEN_F, GIVEN_M, SEED_DEVICE, wire } from './demo-cases.ts';

/**
 * The documents of the research demo's missions: real Tern documents (a case, its Screening, for
 * most an Assistance form with the trafficking route) from which the analytics store derives its
 * rows as it does for any mission, shaped like CTDC's global figures (@tern/research/testing
 * ctdc-shares.ts, decision 107). A fixed seed makes the same ids and revisions every time.
 */
const DAY = 86_400_000;
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(rand: () => number, xs: readonly T[], p: number) => xs.filter(() => rand() < p);
const SUPPORT = ['Health', 'Financial', 'Education', 'Legal', 'Livelihood', 'SocialCare'] as const;
const SEX_TYPES = ['Prostitution', 'Pornography', 'PrivateSexualServices', 'RemoteInteractiveServices'];

const STATUS_PATH: Record<string, CaseStatus[]> = {
  screening: ['screening'],
  eligible: ['screening', 'eligible'],
  not_eligible: ['screening', 'not_eligible'],
  assisted: ['screening', 'eligible', 'assisted'],
  returned: ['screening', 'eligible', 'assisted', 'returned'],
  closed: ['screening', 'eligible', 'assisted', 'returned', 'reintegrated', 'closed'],
};

export interface DemoResearchMission {
  id: string;
  name: string;
  /** 2-8 letters or digits: the case codes' prefix. */
  code: string;
  region: Region;
  cases: number;
  seed: number;
}

/** Three missions of 10,000 cases each: 30,000 cases, about 76,000 documents. */
export const DEMO_RESEARCH_MISSIONS: readonly DemoResearchMission[] = [
  {
    id: 'demo-north',
    name: 'Demo: Eastern Europe and Central Asia',
    code: 'NORTH',
    region: REGIONS.north,
    cases: 10_000,
    seed: 71,
  },
  {
    id: 'demo-south',
    name: 'Demo: Africa and the Middle East',
    code: 'SOUTH',
    region: REGIONS.south,
    cases: 10_000,
    seed: 72,
  },
  {
    id: 'demo-east',
    name: 'Demo: South and South-East Asia',
    code: 'EAST',
    region: REGIONS.east,
    cases: 10_000,
    seed: 73,
  },
];

/** One case and its forms. */
function caseDocs(m: DemoResearchMission, i: number, rand: () => number, device: number): WireDoc[] {
  const year = weighted(rand, YEAR_SHARES);
  const created = Date.UTC(year, 0, 1, 9) + Math.floor(rand() * 360) * DAY;
  const caseId = `case:${ulidAt(created, rand)}`;
  const gender = weighted(rand, GENDER_SHARES);
  const [lo, hi] = weighted(rand, AGE_SHARES);
  const age = lo + Math.floor(rand() * (hi - lo + 1));
  const [from, to] = weighted(rand, m.region.corridors);
  const exploitation = [...weighted(rand, m.region.exploitation)];
  const actual = rand();
  const trafficking = actual < 0.62 ? 'actual' : actual < 0.92 ? 'possible' : 'not_victim';
  const htcdsStatus = {
    actual: 'ActualVictimOfTrafficking',
    possible: 'PossibleVictimOfTrafficking',
    not_victim: 'NotAVictimOfTrafficking',
  }[trafficking];
  const assisted = trafficking !== 'not_victim' && rand() < 0.6;
  const status =
    trafficking === 'not_victim'
      ? 'not_eligible'
      : assisted
        ? pick(rand, ['assisted', 'returned', 'closed'])
        : pick(rand, ['screening', 'eligible']);
  const path = STATUS_PATH[status]!;
  const feminine = gender === 'Feminine' || (gender !== 'Masculine' && rand() < 0.5);
  const first = pick(rand, feminine ? GIVEN_F : GIVEN_M);
  const family = pick(rand, FAMILY);
  const at = (ms: number) => new Date(ms).toISOString();
  const history: StatusChange[] = path.map((to, k) => ({
    _id: ulidAt(created + k * 15 * DAY, rand),
    from: k === 0 ? null : path[k - 1]!,
    to,
    by: 'interviewer',
    at: at(created + k * 15 * DAY),
  }));
  const body: CaseBody = {
    type: 'case',
    mission: m.id,
    code: caseCode(m.code, device, i + 1),
    status: path.at(-1)!,
    ...(status === 'screening'
      ? {}
      : {
          decision: {
            trafficking,
            eligible: trafficking !== 'not_victim',
            ...(trafficking === 'not_victim' ? { reason: 'Not a victim of trafficking' } : {}),
          },
        }),
    assignedTo: 'interviewer',
    pii: { fullName: `${first} ${family}` },
    history,
    createdAt: at(created),
    createdBy: 'interviewer',
    device: SEED_DEVICE,
  } as CaseBody;
  const answers: Record<string, unknown> = {
    interview_date: at(created).slice(0, 10),
    con_Consent: 'yes',
    vic_AgreementToManagePersonalData: 'yes',
    prs_FirstName: first,
    prs_SecondName: family,
    prs_Gender: gender,
    age_stated: age,
    age_years: age,
    is_minor: age < 18 ? 'yes' : 'no',
    prs_Citizenship: [from],
    vic_TypeOfExploitation: exploitation,
    country_of_exploitation: to,
    vic_MethodsOfControl: rand() < 0.6 ? some(rand, CONTROL_CODES, 0.3) : [],
    vic_TraffickingStatus: htcdsStatus,
    eligible_for_assistance: trafficking === 'not_victim' ? 'no' : 'yes',
    ...(trafficking === 'not_victim'
      ? { eligibility_reason: 'Does not meet the criteria for assistance' }
      : {}),
    ...(trafficking === 'actual'
      ? {
          vic_TraffickingStatusDecisionMakingOrg: pick(rand, [
            'NGO',
            'Police',
            'NonPoliceGovernmentalOrganization',
          ]),
        }
      : {}),
    ...(rand() < 0.7 ? { vic_RelationshipToTrafficker: weighted(rand, RELATION_SHARES) } : {}),
    ...(exploitation.includes('ForcedLabour') || exploitation.includes('ChildLabour')
      ? { vic_ForcedLabourIndustry: weighted(rand, SECTOR_SHARES) }
      : {}),
    ...(exploitation.includes('SexualExploitation')
      ? {
          vic_TypeOfSexExploitation: [
            weighted(
              rand,
              SEX_TYPES.map((t, k) => [t, 8 - k * 2] as const),
            ),
          ],
        }
      : {}),
  };
  const docs = [
    wire(caseId, body as unknown as Record<string, unknown>),
    wire(`sub:${ulidAt(created + 1000, rand)}`, {
      type: 'submission',
      mission: m.id,
      form: 'screening@1',
      caseId,
      answers,
      createdAt: at(created),
      device: SEED_DEVICE,
    }),
  ];
  if (assisted) {
    const when = created + 30 * DAY;
    const returned = from !== to && status !== 'assisted';
    const transit = from !== to && rand() < 0.35 ? [pick(rand, m.region.transit)] : [];
    docs.push(
      wire(`sub:${ulidAt(when, rand)}`, {
        type: 'submission',
        mission: m.id,
        form: 'assistance@1',
        caseId,
        createdAt: at(when),
        device: SEED_DEVICE,
        answers: {
          interview_date: at(when).slice(0, 10),
          returned: returned ? 'yes' : 'no',
          ...(returned ? { return_type: 'AssistedVoluntaryReturn', return_country: from } : {}),
          reintegration_status: status === 'closed' ? 'Sustainable' : 'InProgress',
          cas_Status: status === 'closed' ? 'Closed' : 'Active',
          assistance_events: [pick(rand, SUPPORT), ...some(rand, SUPPORT, 0.2)]
            .filter((t, k, all) => all.indexOf(t) === k)
            .map((t, k) => ({
              _id: ulidAt(when + k, rand),
              spl_Type: t,
              spl_StartDate: at(when).slice(0, 10),
              assistance_no: k + 1,
            })),
          trafficking_events: [
            { _id: ulidAt(when, rand), hte_Type: 'Recruitment', hte_Country: from },
            ...transit.map((c, k) => ({
              _id: ulidAt(when + 10 + k, rand),
              hte_Type: 'Transit',
              hte_Country: c,
            })),
            {
              _id: ulidAt(when + 20, rand),
              hte_Type: 'Exploitation',
              hte_Country: to,
              hte_TypeOfExploitation: exploitation,
            },
          ],
        },
      }),
    );
  }
  return docs;
}

/** The documents of one research demo mission, in batches of about `batch` cases. */
export function* demoResearchDocs(
  m: DemoResearchMission,
  device: number,
  batch = 2000,
): Generator<WireDoc[]> {
  const rand = prng(m.seed);
  for (let i = 0; i < m.cases; i += batch) {
    const docs: WireDoc[] = [];
    for (let k = i; k < Math.min(m.cases, i + batch); k++) docs.push(...caseDocs(m, k, rand, device));
    yield docs;
  }
}
