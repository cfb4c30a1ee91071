import { z } from 'zod';

/**
 * Population projections (issue 14): data sets in the long layout statistical offices publish, and
 * projection runs stored as shared documents (decision 127). The server checks a data set with
 * @tern/demography's import before storing anything; a run's results are checked against its spec.
 */

/** The largest data set accepted: CSV texts together, or the XLSX file before base64. */
export const DEMOGRAPHY_MAX_DATASET_BYTES = 4 * 1024 * 1024;
/** The largest stored run (JSON body): 300 regions × 18 ages × 2 sexes × 11 years × 3 scenarios fit. */
export const DEMOGRAPHY_MAX_RUN_BYTES = 16 * 1024 * 1024;
export const DEMOGRAPHY_MAX_SCENARIOS = 4;
export const DEMOGRAPHY_MAX_STEPS = 20;

export const DEMOGRAPHY_KINDS = [
  'population',
  'births',
  'fertility',
  'deaths',
  'mortality',
  'migration',
  'emigration',
  'immigration',
] as const;
export type DemographyKind = (typeof DEMOGRAPHY_KINDS)[number];

/** Ids the server makes: creation time then randomness, lowercase base 36 and hex. */
export const DemographyId = z.string().regex(/^[0-9a-z]{9}[0-9a-f]{16}$/, 'not a projection id');
export const DemographyIdParams = z.object({ id: DemographyId });

const csvText = z.string().min(1).max(DEMOGRAPHY_MAX_DATASET_BYTES);
const Name = z.string().trim().min(1).max(120);

/** `POST /api/demography/datasets`: CSV files by kind, or one workbook (base64), not both. */
export const DatasetCreateRequest = z.strictObject({
  name: Name,
  /** Length of the period the events cover, in years (1 for annual data). */
  years: z.number().int().min(1).max(10),
  /** The time period to read when the files hold several. */
  time: z.string().trim().min(1).max(20).optional(),
  csv: z
    .strictObject({
      population: csvText,
      births: csvText.optional(),
      fertility: csvText.optional(),
      deaths: csvText.optional(),
      mortality: csvText.optional(),
      migration: csvText,
      emigration: csvText.optional(),
      immigration: csvText.optional(),
    })
    .optional(),
  xlsx: z
    .string()
    .max(Math.ceil((DEMOGRAPHY_MAX_DATASET_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
    .optional(),
});
export type DatasetCreateRequest = z.infer<typeof DatasetCreateRequest>;

export const DatasetSummary = z.object({
  id: DemographyId,
  name: z.string(),
  format: z.enum(['csv', 'xlsx']),
  time: z.string(),
  years: z.number(),
  states: z.array(z.string()),
  ages: z.number(),
  width: z.number(),
  bytes: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type DatasetSummary = z.infer<typeof DatasetSummary>;

/** `GET /api/demography/datasets/:id`: the summary and the files as uploaded (the browser imports them again). */
export const DatasetResponse = DatasetSummary.extend({
  csv: z.record(z.string(), z.string()).optional(),
  xlsx: z.string().optional(),
});
export type DatasetResponse = z.infer<typeof DatasetResponse>;

const Year = z.number().int().min(1800).max(2300);

/** The scenario overrides the workspace offers (@tern/demography's `Override`, decision 127). */
export const OverrideSpec = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('scale-internal-migration'),
    factor: z.number().min(0).max(100),
    fromYear: Year,
  }),
  z.strictObject({ kind: z.literal('zero-migration'), fromYear: Year }),
  z.strictObject({
    kind: z.literal('international-net'),
    path: z
      .array(z.strictObject({ year: Year, total: z.number().min(-1e9).max(1e9) }))
      .min(1)
      .max(50),
  }),
]);
export type OverrideSpec = z.infer<typeof OverrideSpec>;

export const ScenarioSpec = z.strictObject({
  name: z.string().trim().min(1).max(60),
  overrides: z.array(OverrideSpec).max(8),
});
export type ScenarioSpec = z.infer<typeof ScenarioSpec>;

export const RunSpec = z.strictObject({
  dataset: DemographyId,
  /** The regions shown and exported; the projection covers every region of the data set. */
  regions: z.array(z.string().min(1).max(40)).min(1).max(2000),
  baseYear: Year,
  /** Projection steps of the age-group width. */
  steps: z.number().int().min(1).max(DEMOGRAPHY_MAX_STEPS),
  scenarios: z.array(ScenarioSpec).max(DEMOGRAPHY_MAX_SCENARIOS),
});
export type RunSpec = z.infer<typeof RunSpec>;

/** Population by scenario and year, each `[sex][age][state]` as the engine lays it out. */
export const RunResults = z.strictObject({
  states: z.array(z.string().min(1).max(40)).min(1).max(2000),
  ages: z.number().int().min(2).max(40),
  width: z.number().int().min(1).max(10),
  years: z
    .array(Year)
    .min(2)
    .max(DEMOGRAPHY_MAX_STEPS + 1),
  scenarios: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(60),
        population: z.array(z.array(z.number().min(0).max(1e10))).max(DEMOGRAPHY_MAX_STEPS + 1),
      }),
    )
    .min(1)
    .max(DEMOGRAPHY_MAX_SCENARIOS + 1),
});
export type RunResults = z.infer<typeof RunResults>;

export const RunCreateRequest = z.strictObject({ name: Name, spec: RunSpec, results: RunResults });
export type RunCreateRequest = z.infer<typeof RunCreateRequest>;

export const RunSummary = z.object({
  id: DemographyId,
  name: z.string(),
  spec: RunSpec,
  datasetName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunResponse = RunSummary.extend({ results: RunResults });
export type RunResponse = z.infer<typeof RunResponse>;

export const DatasetListResponse = z.object({ datasets: z.array(DatasetSummary) });
export const RunListResponse = z.object({ runs: z.array(RunSummary) });
