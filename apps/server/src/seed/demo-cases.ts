import type { ServerStore } from '@tern/store';
import { CASE_STATUSES, caseCode } from '@tern/cases';
import type { CaseBody, CaseStatus, StatusChange } from '@tern/cases';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { prng, ulidAt } from '@tern/research/synthetic';
import { registerDevice } from '../devices/device-registry.ts';

/**
 * About 200 synthetic cases for the demo mission: every status, Screening for all, Assistance for the
 * assisted and beyond, a few reviews. Names are random pairs from common given and family names of
 * the regions IOM works in — synthetic people, never real records. A fixed seed makes the same
 * documents (same ids, same revs) every time, so seeding twice changes nothing.
 */
export const DEMO_CASE_COUNT = 200;
/** The seed's own device, registered like a real one so that no device of the mission shares its number. */
export const SEED_DEVICE = 'dev-0000000000000000000000SEED';

export const GIVEN_F = [
  'Amina',
  'Fatima',
  'Grace',
  'Blessing',
  'Mariam',
  'Leila',
  'Olena',
  'Ana',
  'Rosa',
  'Nadia',
  'Joy',
  'Aisha',
  'Priya',
  'Mai',
  'Svetlana',
  'Esther',
  'Hawa',
  'Zainab',
  'Lucía',
  'Thi Lan',
];
export const GIVEN_M = [
  'Ibrahim',
  'Moses',
  'Yusuf',
  'Samuel',
  'Omar',
  'Andriy',
  'José',
  'Ahmed',
  'Kofi',
  'Rahul',
  'Tuan',
  'Bilal',
  'Daniel',
  'Musa',
  'Carlos',
  'Hassan',
  'Emeka',
  'Dmytro',
  'Ali',
  'Kwame',
];
export const FAMILY = [
  'Okafor',
  'Bello',
  'Haddad',
  'Mensah',
  'Diallo',
  'Kovalenko',
  'García',
  'Nguyen',
  'Khan',
  'Traoré',
  'Mohammed',
  'Osei',
  'Ibrahim',
  'Petrenko',
  'López',
  'Rahman',
  'Camara',
  'Adeyemi',
  'Sow',
  'Tran',
  'Hussein',
  'Boateng',
  'Shevchenko',
  'Hernández',
  'Begum',
];
const CITIZENSHIP = ['NGA', 'GHA', 'SEN', 'MLI', 'UKR', 'VNM', 'BGD', 'PAK', 'SYR', 'GTM', 'HND', 'ETH'];
const EXPLOITATION = ['ForcedLabour', 'SexualExploitation', 'ForcedMarriage', 'Servitude'];
const INDUSTRY = [
  'A_AgricultureForestryAndFishing',
  'C_Manufacturing',
  'F_Construction',
  'T_ActivitiesOfHouseholdsAsEmployers',
];
const DESTINATION = ['LBY', 'ITA', 'SAU', 'ARE', 'THA', 'MYS', 'POL', 'MEX', 'USA', 'TUR'];
const SUPPORT = ['Health', 'Financial', 'Education', 'Legal'];

/** How many cases end in each status (sums to DEMO_CASE_COUNT). */
const SPREAD: Record<CaseStatus, number> = {
  screening: 30,
  eligible: 30,
  not_eligible: 25,
  assisted: 40,
  returned: 25,
  reintegrated: 25,
  closed: 25,
};
const PATH: Record<Exclude<CaseStatus, 'closed'>, CaseStatus[]> = {
  screening: ['screening'],
  eligible: ['screening', 'eligible'],
  not_eligible: ['screening', 'not_eligible'],
  assisted: ['screening', 'eligible', 'assisted'],
  returned: ['screening', 'eligible', 'assisted', 'returned'],
  reintegrated: ['screening', 'eligible', 'assisted', 'returned', 'reintegrated'],
};

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6, 9);
const END = Date.UTC(2026, 10, 20, 9);

export function wire(id: string, body: Record<string, unknown>): WireDoc {
  const { rev, revisions } = nextRevision(null, body);
  return { _id: id, _rev: rev, _revisions: revisions, ...body };
}

/**
 * The demo cases and their forms as wire documents (the same on every call). Another `batch` gives
 * another 200 cases with other ids and case codes (the warm-start benchmark fills a mission with 5,000).
 */
export function demoCaseDocs(mission: string, deviceNumber: number, batch = 0): WireDoc[] {
  const rand = prng(20261126 + batch);
  const statuses = CASE_STATUSES.flatMap((s) => Array<CaseStatus>(SPREAD[s]).fill(s));
  const docs: WireDoc[] = [];
  statuses.forEach((target, i) => {
    const feminine = rand() < 0.6;
    const first = pick(rand, feminine ? GIVEN_F : GIVEN_M);
    const family = pick(rand, FAMILY);
    const created = START + Math.floor(rand() * (END - START - 200 * DAY));
    const interviewer = rand() < 0.8 ? 'interviewer' : 'officer';
    const caseId = `case:${ulidAt(created, rand)}`;
    const age = 14 + Math.floor(rand() * 40);
    const exploitation = pick(rand, EXPLOITATION);
    const eligible = target !== 'not_eligible';
    const trafficking = !eligible
      ? 'NotAVictimOfTrafficking'
      : rand() < 0.5
        ? 'ActualVictimOfTrafficking'
        : 'PossibleVictimOfTrafficking';
    const screeningAnswers: Record<string, unknown> = {
      interview_date: day(created),
      con_Consent: 'yes',
      vic_AgreementToManagePersonalData: 'yes',
      prs_FirstName: first,
      prs_SecondName: family,
      prs_Gender: feminine ? 'Feminine' : 'Masculine',
      age_stated: age,
      age_years: age,
      is_minor: age < 18 ? 'yes' : 'no',
      prs_Citizenship: [pick(rand, CITIZENSHIP)],
      vic_TypeOfExploitation: [exploitation],
      ...(exploitation === 'ForcedLabour' ? { vic_ForcedLabourIndustry: pick(rand, INDUSTRY) } : {}),
      country_of_exploitation: pick(rand, DESTINATION),
      vic_TraffickingStatus: trafficking,
      ...(trafficking === 'ActualVictimOfTrafficking'
        ? { vic_TraffickingStatusDecisionMakingOrg: 'NGO' }
        : {}),
      eligible_for_assistance: eligible ? 'yes' : 'no',
      ...(eligible ? {} : { eligibility_reason: 'Does not meet the criteria for assistance' }),
    };
    if (age >= 18) screeningAnswers.prs_MaritalStatus = 'Single';

    // The status history: one step every 10-40 days along the path to the target.
    const path =
      target === 'closed'
        ? [...PATH[pick(rand, ['eligible', 'assisted', 'reintegrated'] as const)], 'closed' as const]
        : PATH[target];
    const history: StatusChange[] = [];
    let at = created;
    path.forEach((to, k) => {
      if (k > 0) at += (10 + Math.floor(rand() * 30)) * DAY;
      history.push({
        _id: ulidAt(at, rand),
        from: k === 0 ? null : path[k - 1]!,
        to,
        by: interviewer,
        at: new Date(at).toISOString(),
        ...(to === 'not_eligible' ? { reason: 'Not a victim of trafficking' } : {}),
        ...(to === 'closed' ? { reason: 'Follow-up complete' } : {}),
      });
    });
    const reviewed = rand();
    const caseBody: CaseBody = {
      type: 'case',
      mission,
      code: caseCode(
        mission
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '')
          .slice(0, 8),
        deviceNumber,
        batch * statuses.length + i + 1,
      ),
      status: target,
      ...(target === 'screening'
        ? {}
        : {
            decision: {
              trafficking:
                trafficking === 'ActualVictimOfTrafficking'
                  ? 'actual'
                  : trafficking === 'PossibleVictimOfTrafficking'
                    ? 'possible'
                    : 'not_victim',
              eligible,
              ...(eligible ? {} : { reason: 'Not a victim of trafficking' }),
            },
          }),
      assignedTo: interviewer,
      pii: { fullName: `${first} ${family}` },
      history,
      createdAt: new Date(created).toISOString(),
      createdBy: interviewer,
      ...(history.length > 1 ? { updatedAt: history.at(-1)!.at, updatedBy: interviewer } : {}),
      device: SEED_DEVICE,
    };
    docs.push(wire(caseId, caseBody as unknown as Record<string, unknown>));

    const review =
      reviewed < 0.5
        ? { state: 'approved', by: 'officer', at: new Date(created + 3 * DAY).toISOString() }
        : reviewed < 0.55
          ? {
              state: 'returned',
              by: 'officer',
              at: new Date(created + 3 * DAY).toISOString(),
              comment: 'Please add the country of exploitation',
            }
          : undefined;
    docs.push(
      wire(`sub:${ulidAt(created, rand)}`, {
        type: 'submission',
        mission,
        form: 'screening@1',
        caseId,
        answers: screeningAnswers,
        createdAt: new Date(created).toISOString(),
        device: SEED_DEVICE,
        ...(review ? { review } : {}),
      }),
    );

    const assistedAt = history.find((h) => h.to === 'assisted')?.at;
    if (assistedAt) {
      const when = Date.parse(assistedAt);
      const returned = path.includes('returned');
      const reintegrated = path.includes('reintegrated');
      docs.push(
        wire(`sub:${ulidAt(when, rand)}`, {
          type: 'submission',
          mission,
          form: 'assistance@1',
          caseId,
          answers: {
            interview_date: day(when),
            assistance_events: [
              {
                _id: ulidAt(when, rand),
                spl_Type: pick(rand, SUPPORT),
                spl_StartDate: day(when),
                assistance_no: 1,
              },
            ],
            returned: returned ? 'yes' : 'no',
            ...(returned
              ? {
                  return_type: 'AssistedVoluntaryReturn',
                  return_country: (screeningAnswers.prs_Citizenship as string[])[0],
                }
              : {}),
            reintegration_status: reintegrated ? 'Sustainable' : 'InProgress',
            cas_Status: reintegrated ? 'FollowUp' : 'Active',
          },
          createdAt: new Date(when).toISOString(),
          device: SEED_DEVICE,
          ...(rand() < 0.5
            ? { review: { state: 'approved', by: 'officer', at: new Date(when + DAY).toISOString() } }
            : {}),
        }),
      );
    }
  });
  return docs;
}

/** Write the demo cases into `mission` (idempotent: the same revisions are written as no-ops). */
export async function seedDemoCases(store: ServerStore, mission: string, batches = 1): Promise<number> {
  const device = await registerDevice(store.ops(mission), SEED_DEVICE, 'demo-seed');
  let written = 0;
  for (let b = 0; b < batches; b++) {
    const docs = demoCaseDocs(mission, device.number, b);
    const results = await store.mission(mission).writeReplicated(docs);
    const failed = results.filter((r) => !r.ok);
    if (failed.length)
      throw new Error(`demo cases: ${failed.length} not stored, first: ${failed[0]!.reason}`);
    written += docs.length;
  }
  return written;
}
