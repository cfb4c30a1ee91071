import { z } from 'zod';
import { MissionId } from './common.ts';

/**
 * The research API (issue 13, docs/research-privacy.md): aggregate tables only, every number through
 * the server's disclosure control. Dimension names are checked by the server against @tern/research's
 * catalogue (an unknown one is 400 TERN_RESEARCH_UNKNOWN_DIMENSION with the allowed list), so here they
 * are plain bounded strings and the API package stays free of the research package.
 */
const DimensionName = z.string().min(1).max(40);
const FilterValues = z.array(z.string().min(1).max(100)).min(1).max(500);

/** Where a table's rows come from: the granted missions' cases, or an imported CTDC dataset. */
export const ResearchSource = z.union([z.literal('missions'), z.string().regex(/^ctdc:[a-z0-9-]{1,40}$/)]);
export type ResearchSource = z.infer<typeof ResearchSource>;

export const ResearchFilters = z.record(DimensionName, FilterValues);

/** What a figure counts: cases (the default), or people — cases linked as one person counted once. */
export const ResearchCount = z.enum(['cases', 'people']);

/** `POST /api/research/table`: counts by up to three dimensions (more is 400 TOO_MANY_DIMENSIONS). */
export const ResearchTableRequest = z
  .object({
    dims: z.array(DimensionName).min(1).max(10),
    filters: ResearchFilters.optional(),
    count: ResearchCount.optional(),
    source: ResearchSource.default('missions'),
  })
  .strict();
export type ResearchTableRequest = z.input<typeof ResearchTableRequest>;

/** `POST /api/research/series`: counts by registration year, optionally split by one dimension. */
export const ResearchSeriesRequest = z
  .object({
    by: DimensionName.optional(),
    filters: ResearchFilters.optional(),
    count: ResearchCount.optional(),
    source: ResearchSource.default('missions'),
  })
  .strict();
export type ResearchSeriesRequest = z.input<typeof ResearchSeriesRequest>;

/** `POST /api/research/flows`: recruitment → transit → exploitation countries. */
export const ResearchFlowsRequest = z
  .object({
    filters: ResearchFilters.optional(),
    count: ResearchCount.optional(),
    source: ResearchSource.default('missions'),
  })
  .strict();
export type ResearchFlowsRequest = z.input<typeof ResearchFlowsRequest>;

/**
 * `POST /api/research/table/export?format=csv|xlsx&lang=`: the same table (body as for
 * `/table`) as a file, the same published cells, suppressed cells marked.
 */
export const ResearchExportQuery = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    lang: z.enum(['en', 'fr', 'es', 'ar', 'ru']).default('en'),
  })
  .strict();

/** A published cell: the values of the table's dimensions, and the perturbed count (≥ k). */
export const PublishedCellSchema = z.object({ values: z.array(z.string()), value: z.number() });

/** What every research answer carries: how fresh, whether the store was rebuilt, and the rules. */
export const ResearchFreshness = z.object({
  /** The oldest checkpoint among the missions asked for; null while one is still being built. */
  asOf: z.string().nullable(),
  behind: z.array(z.string()),
  recreated: z.object({ at: z.string(), reason: z.string() }).nullable(),
});

/** The answer of `/table`, `/series` and `/flows`. A cell not listed was suppressed (< k) or empty. */
export const ResearchTableResponse = ResearchFreshness.extend({
  /** What every number counts: cases, or people (linked cases once). */
  counts: ResearchCount.default('cases'),
  dims: z.array(z.string()),
  filters: z.record(z.string(), z.array(z.string())),
  missions: z.array(z.string()),
  source: ResearchSource,
  cells: z.array(PublishedCellSchema),
  margins: z.array(
    z.object({
      dim: z.string(),
      values: z.array(z.object({ value: z.string(), total: z.number() })),
    }),
  ),
  total: z.number(),
  disclosure: z.object({ k: z.number(), ptable: z.string(), method: z.string() }),
});
export type ResearchTableResponse = z.infer<typeof ResearchTableResponse>;

/** `GET /api/research/meta`: what this researcher may ask about. */
export const ResearchMetaResponse = ResearchFreshness.extend({
  dimensions: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['single', 'multi']),
      /** The codes seen for this dimension in the granted data (for filter pickers), at most 500. */
      values: z.array(z.string()),
    }),
  ),
  missions: z.array(MissionId),
  sources: z.array(
    z.object({
      id: ResearchSource,
      label: z.string(),
      rows: z.number().nullable(),
      importedAt: z.string().nullable(),
    }),
  ),
  k: z.number(),
  maxDims: z.number(),
});
export type ResearchMetaResponse = z.infer<typeof ResearchMetaResponse>;

/** `PUT /api/users/:username/research-grant` (admin): a researcher's missions, or all of them. */
export const ResearchGrantRequest = z
  .object({ all: z.boolean(), missions: z.array(MissionId).max(100).default([]) })
  .strict();
export type ResearchGrantRequest = z.input<typeof ResearchGrantRequest>;
export const ResearchGrantResponse = z.object({
  username: z.string(),
  all: z.boolean(),
  missions: z.array(MissionId),
});
