import {
  DemographyError,
  assembleObserved,
  estimateRates,
  importDataset,
  importWorkbook,
  isDemographyError,
  parseCsv,
  parseWorkbook,
  sheetTable,
} from '@tern/demography';
import type { Dataset, DatasetKind, ObservedDatasets } from '@tern/demography';
import type { DatasetCreateRequest } from '@tern/api';
import { DEMOGRAPHY_MAX_DATASET_BYTES } from '@tern/api';
import { TernError } from '../errors.ts';

/** What a stored data set says about itself once the import has accepted it. */
export interface DatasetFacts {
  format: 'csv' | 'xlsx';
  time: string;
  states: string[];
  ages: number;
  width: number;
  bytes: number;
}

/**
 * Runs @tern/demography's whole import on an uploaded data set — every file read, the files
 * assembled into one observed period and its rates estimated — so a data set is stored only when a
 * projection can start from it. Refusals are the package's DemographyErrors with their row-numbered
 * `details.rejected` (demography-errors.ts turns them into the API's error body).
 */
export function checkDataset(body: DatasetCreateRequest): DatasetFacts {
  if (!body.csv === !body.xlsx)
    throw new TernError(
      'TERN_BAD_REQUEST',
      'Data set: give the CSV files (csv) or one workbook (xlsx), exactly one',
    );
  const options = { years: body.years, ...(body.time ? { time: body.time } : {}) };
  if (body.xlsx !== undefined) {
    const bytes = Buffer.from(body.xlsx, 'base64');
    if (bytes.length > DEMOGRAPHY_MAX_DATASET_BYTES) throw tooLarge(bytes.length);
    const obs = importWorkbook(new Uint8Array(bytes), options, 'the workbook');
    estimateRates(obs);
    // The observed period has no time: read it from the population sheet (accepted just now).
    const wb = parseWorkbook(new Uint8Array(bytes), 'the workbook');
    const sheet = wb.SheetNames.find((n) => n.trim().toLowerCase() === 'population')!;
    const time = importDataset('population', sheetTable(wb, sheet, 'the workbook'), options).time;
    return { format: 'xlsx', time, ...facts(obs.space), bytes: bytes.length };
  }
  const files = Object.entries(body.csv!).filter((e): e is [DatasetKind, string] => e[1] !== undefined);
  const bytes = files.reduce((n, [, text]) => n + Buffer.byteLength(text), 0);
  if (bytes > DEMOGRAPHY_MAX_DATASET_BYTES) throw tooLarge(bytes);
  // Every file is read before any refusal, so one answer lists the problems of all of them.
  const datasets: Partial<Record<DatasetKind, Dataset>> = {};
  const rejected: object[] = [];
  const messages: string[] = [];
  for (const [kind, text] of files) {
    try {
      datasets[kind] = importDataset(kind, parseCsv(text, `${kind}.csv`), options);
    } catch (e) {
      if (!isDemographyError(e, 'TERN_DEMOGRAPHY_IMPORT_REJECTED')) throw e;
      messages.push(e.message);
      for (const r of (e.details?.rejected ?? []) as object[]) rejected.push({ file: kind, ...r });
    }
  }
  if (messages.length)
    throw new DemographyError('TERN_DEMOGRAPHY_IMPORT_REJECTED', messages.join(' | '), { rejected });
  const obs = assembleObserved(datasets as ObservedDatasets, options);
  estimateRates(obs);
  return { format: 'csv', time: datasets.population!.time, ...facts(obs.space), bytes };
}

const facts = (space: { states: readonly string[]; ages: number; width: number }) => ({
  states: [...space.states],
  ages: space.ages,
  width: space.width,
});

const tooLarge = (n: number) =>
  new TernError(
    'TERN_PAYLOAD_TOO_LARGE',
    `Data set: ${n} bytes; at most ${DEMOGRAPHY_MAX_DATASET_BYTES} (about 300 regions of one year)`,
  );
