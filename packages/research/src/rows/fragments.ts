import type { WireDoc } from '@tern/sync';
import { ageBand } from './age-band.ts';
import { CODES, DECISION_STATUS, alpha2, oneOf, someOf } from './codes.ts';
import type { ResearchKeys } from './research-keys.ts';

/**
 * What one stored document contributes to its case's research row, already de-identified: codes from
 * the HTCDS picklists, ISO alpha-2 countries, a year, an age band — no name, no free text, no date.
 * A case's row is made from its case document and its Screening and Assistance submissions
 * (rowFromFragments), so the analytics store keeps one fragment per document and rebuilds a row when
 * any of its documents changes, without reading the mission store again.
 */
interface FragmentBase {
  mission: string;
  /** The case, as `ResearchKeys.caseRef`: the case id itself is a ULID (its creation time). */
  caseRef: string;
  /** The document, as `ResearchKeys.docRef`. */
  docRef: string;
}

export interface CaseFragment extends FragmentBase {
  kind: 'case';
  /** The case's record key (research-keys.ts), carried so that a row can be rebuilt from fragments. */
  recordKey: number;
  year: number | null;
  /** The case's trafficking decision (HTCDS value), which wins over the screening's. */
  decision: string | null;
}

export interface ScreeningFragment extends FragmentBase {
  kind: 'screening';
  /** Orders the screenings of one case (time plus the case's secret shift); not a date. */
  order: number;
  /** False when the person refused the interview or the management of their data: no row at all. */
  consent: boolean;
  gender: string | null;
  ageBand: string | null;
  citizenship: string | null;
  exploitationCountry: string | null;
  exploitation: string[];
  labourSector: string | null;
  sexExploitation: string[];
  meansOfControl: string[];
  recruiterRelationship: string | null;
  traffickingStatus: string | null;
}

export interface AssistanceFragment extends FragmentBase {
  kind: 'assistance';
  order: number;
  assistance: string[];
  recruitmentCountry: string | null;
  transitCountries: string[];
  /** The last Exploitation event's country, used when the screening has none. */
  exploitationCountry: string | null;
  /** Types of the Exploitation events, used when the screening has none. */
  exploitation: string[];
}

export type Fragment = CaseFragment | ScreeningFragment | AssistanceFragment;

const yearOf = (iso: unknown): number | null => {
  const y = typeof iso === 'string' ? Number(iso.slice(0, 4)) : NaN;
  return Number.isInteger(y) && y >= 1900 && y <= 2999 ? y : null;
};
const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const items = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(record) : []);

function order(keys: ResearchKeys, caseRef: string, createdAt: unknown): number {
  const t = typeof createdAt === 'string' ? Date.parse(createdAt) : NaN;
  return (Number.isFinite(t) ? t : 0) + keys.orderShift(caseRef);
}

/**
 * The fragment of a live case or submission document of `mission`, or null for a document that adds
 * nothing to research (a tombstone, a form of no case, another form). `mission` is the store the
 * document was read from, not a field the document claims.
 */
export function fragmentOf(doc: WireDoc, mission: string, keys: ResearchKeys): Fragment | null {
  if (doc._deleted) return null;
  const docRef = keys.docRef(mission, doc._id);
  if (doc.type === 'case' && doc._id.startsWith('case:')) {
    const decision = record(doc.decision).trafficking;
    return {
      kind: 'case',
      mission,
      caseRef: keys.caseRef(mission, doc._id),
      docRef,
      recordKey: keys.recordKey(mission, doc._id),
      year: yearOf(doc.createdAt),
      decision: typeof decision === 'string' ? (DECISION_STATUS[decision] ?? null) : null,
    };
  }
  if (doc.type !== 'submission' || typeof doc.caseId !== 'string' || typeof doc.form !== 'string')
    return null;
  const caseRef = keys.caseRef(mission, doc.caseId);
  const a = record(doc.answers);
  const base = { mission, caseRef, docRef, order: order(keys, caseRef, doc.createdAt) };
  if (doc.form.startsWith('screening@')) {
    const citizenships = Array.isArray(a.prs_Citizenship) ? a.prs_Citizenship : [a.prs_Citizenship];
    return {
      kind: 'screening',
      ...base,
      consent: a.con_Consent !== 'no' && a.vic_AgreementToManagePersonalData !== 'no',
      gender: oneOf(CODES.gender, a.prs_Gender),
      ageBand: ageBand(a.age_years ?? a.age_stated),
      citizenship: alpha2(citizenships[0]),
      exploitationCountry: alpha2(a.country_of_exploitation),
      exploitation: someOf(CODES.exploitation, a.vic_TypeOfExploitation),
      labourSector: oneOf(CODES.labourSector, a.vic_ForcedLabourIndustry),
      sexExploitation: someOf(CODES.sexExploitation, a.vic_TypeOfSexExploitation),
      meansOfControl: someOf(CODES.meansOfControl, a.vic_MethodsOfControl),
      recruiterRelationship: oneOf(CODES.recruiterRelationship, a.vic_RelationshipToTrafficker),
      traffickingStatus: oneOf(CODES.traffickingStatus, a.vic_TraffickingStatus),
    };
  }
  if (doc.form.startsWith('assistance@')) {
    const events = items(a.trafficking_events);
    const ofType = (type: string) => events.filter((e) => e.hte_Type === type);
    const exploitations = ofType('Exploitation');
    const countries = (es: Record<string, unknown>[]) =>
      es.map((e) => alpha2(e.hte_Country)).filter((c): c is string => c !== null);
    return {
      kind: 'assistance',
      ...base,
      assistance: someOf(
        CODES.assistance,
        items(a.assistance_events).map((e) => e.spl_Type),
      ),
      recruitmentCountry: countries(ofType('Recruitment'))[0] ?? null,
      transitCountries: [...new Set(countries(ofType('Transit')))].sort(),
      exploitationCountry: countries(exploitations).at(-1) ?? null,
      exploitation: someOf(
        CODES.exploitation,
        exploitations.flatMap((e) =>
          Array.isArray(e.hte_TypeOfExploitation) ? e.hte_TypeOfExploitation : [],
        ),
      ),
    };
  }
  return null;
}
