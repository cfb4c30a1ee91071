// A whole observed data set in one .xlsx: one sheet per dataset, named after its kind (population,
// births or fertility, deaths or mortality, migration, and optionally emigration, immigration), each
// in the long layout. Every sheet is checked; the problems of all sheets are reported together, with
// the sheet in each row's reason, and nothing is returned unless everything fits.
import { DemographyError, isDemographyError } from '../errors.ts';
import type { ObservedPeriod } from '../multiregional/rates.ts';
import { type AssembleOptions, type ObservedDatasets, assembleObserved } from './assemble.ts';
import {
  type Dataset,
  type DatasetKind,
  type DatasetOptions,
  type Rejection,
  importDataset,
} from './dataset.ts';
import { parseWorkbook, sheetTable } from './xlsx.ts';

const KINDS: readonly DatasetKind[] = [
  'population',
  'births',
  'fertility',
  'deaths',
  'mortality',
  'migration',
  'emigration',
  'immigration',
];

export function importWorkbook(
  bytes: Uint8Array,
  options: AssembleOptions & DatasetOptions,
  source = 'workbook',
): ObservedPeriod {
  const wb = parseWorkbook(bytes, source);
  const names = wb.SheetNames;
  const rejected: Array<Rejection & { sheet: string }> = [];
  const datasets: Partial<Record<DatasetKind, Dataset>> = {};
  for (const kind of KINDS) {
    const sheet = names.find((n) => n.trim().toLowerCase() === kind);
    if (!sheet) continue;
    try {
      datasets[kind] = importDataset(kind, sheetTable(wb, sheet, source), options);
    } catch (e) {
      if (!isDemographyError(e, 'TERN_DEMOGRAPHY_IMPORT_REJECTED')) throw e;
      for (const r of (e.details?.rejected ?? []) as Rejection[]) rejected.push({ ...r, sheet });
    }
  }
  for (const needed of ['population', 'migration'] as const)
    if (!names.some((n) => n.trim().toLowerCase() === needed))
      rejected.push({ sheet: needed, row: 0, reason: `the workbook has no sheet "${needed}"` });
  if (rejected.length)
    throw new DemographyError(
      'TERN_DEMOGRAPHY_IMPORT_REJECTED',
      `${source} was not imported: ${rejected.length} problem(s) — ${rejected
        .slice(0, 3)
        .map((r) => `sheet ${r.sheet} row ${r.row}: ${r.reason}`)
        .join('; ')}`,
      { rejected },
    );
  return assembleObserved(datasets as ObservedDatasets, options);
}
