import type { MultiDimension, SingleDimension } from '../dimensions.ts';
import type { WireDoc } from '@tern/sync';
import { fragmentOf } from './fragments.ts';
import type { AssistanceFragment, CaseFragment, Fragment, ScreeningFragment } from './fragments.ts';
import type { ResearchKeys } from './research-keys.ts';

/**
 * One case as research sees it: the research dimensions (dimensions.ts) and the case's record key,
 * nothing else. `ref` stands for the case in the store and is never published.
 */
export type ResearchRow = { ref: string; recordKey: number } & {
  [D in SingleDimension]: string | null;
} & { [D in MultiDimension]: string[] };

const latest = <T extends { order: number; docRef: string }>(xs: T[]): T | undefined =>
  xs.reduce<T | undefined>(
    (best, x) =>
      best === undefined || x.order > best.order || (x.order === best.order && x.docRef > best.docRef)
        ? x
        : best,
    undefined,
  );
const union = (lists: string[][]): string[] => [...new Set(lists.flat())].sort();

/**
 * The row of one case from its fragments: null when the case document is gone or the latest screening
 * records a refusal of consent. Rules where documents disagree:
 * - screening fields come from the latest screening (by submission time);
 * - the trafficking status is the case's decision, else the screening's;
 * - assistance is every support type of every Assistance form;
 * - the route (recruitment, transit) comes from the latest Assistance form that records events; the
 *   country and types of exploitation from the screening, else from those events.
 */
export function rowFromFragments(
  caseFragment: CaseFragment | undefined,
  submissions: readonly Fragment[],
): ResearchRow | null {
  if (!caseFragment) return null;
  const screenings = submissions.filter((f): f is ScreeningFragment => f.kind === 'screening');
  const assists = submissions.filter((f): f is AssistanceFragment => f.kind === 'assistance');
  const s = latest(screenings);
  if (s && !s.consent) return null;
  const route = latest(
    assists.filter((a) => a.recruitmentCountry || a.transitCountries.length || a.exploitationCountry),
  );
  return {
    ref: caseFragment.caseRef,
    recordKey: caseFragment.recordKey,
    mission: caseFragment.mission,
    year: caseFragment.year === null ? null : String(caseFragment.year),
    citizenship: s?.citizenship ?? null,
    exploitationCountry: s?.exploitationCountry ?? route?.exploitationCountry ?? null,
    exploitation: s?.exploitation.length ? s.exploitation : (route?.exploitation ?? []),
    labourSector: s?.labourSector ?? null,
    sexExploitation: s?.sexExploitation ?? [],
    gender: s?.gender ?? null,
    ageBand: s?.ageBand ?? null,
    meansOfControl: s?.meansOfControl ?? [],
    recruiterRelationship: s?.recruiterRelationship ?? null,
    traffickingStatus: caseFragment.decision ?? s?.traffickingStatus ?? null,
    assistance: union(assists.map((a) => a.assistance)),
    recruitmentCountry: route?.recruitmentCountry ?? null,
    transitCountries: route?.transitCountries ?? [],
  };
}

/**
 * De-identify one case: its case document and the submissions that name it (any order; tombstones and
 * other cases' forms are ignored), read from `mission`'s store.
 */
export function deidentifyCase(
  caseDoc: WireDoc,
  submissions: readonly WireDoc[],
  mission: string,
  keys: ResearchKeys,
): ResearchRow | null {
  const c = fragmentOf(caseDoc, mission, keys);
  if (c?.kind !== 'case') return null;
  const subs = submissions
    .map((d) => fragmentOf(d, mission, keys))
    .filter((f): f is Fragment => f !== null && f.kind !== 'case' && f.caseRef === c.caseRef);
  return rowFromFragments(c, subs);
}
