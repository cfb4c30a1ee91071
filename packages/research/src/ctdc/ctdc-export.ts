import type { ResearchScope } from '../disclosure/research-tables.ts';
import type { AnalyticsStore, Recreation } from '../store/analytics-store.ts';
import { kAnonymousCtdc } from './k-anonymity.ts';
import type { KAnonymityOptions, KAnonymityReport } from './k-anonymity.ts';

export interface CtdcExport {
  /** The file: CTDC 2020 global-dataset columns, k-anonymous over CTDC's quasi-identifiers. */
  csv: string;
  report: KAnonymityReport;
  asOf: string | null;
  behind: string[];
  recreated: Recreation | null;
}

/** The k-anonymous CTDC microdata file of the granted missions, with the store's as-of time. */
export async function exportCtdc(
  store: AnalyticsStore,
  scope: ResearchScope,
  o: KAnonymityOptions = {},
): Promise<CtdcExport> {
  const rows = await store.rows(scope.missions);
  const status = await store.status(scope.missions);
  const { csv, report } = kAnonymousCtdc(rows, o);
  return { csv, report, asOf: status.asOf, behind: status.behind, recreated: status.recreated };
}
