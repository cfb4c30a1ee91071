// The profile document (decision 130): one document per country and edition (`profile:KEN:2`), a plain
// JSON body that syncs and merges like every Tern record. Sections are keys of an object; paragraphs,
// tables, comments, values, gap plans and workflow steps are lists of items with an `_id`, so the
// field-by-field three-way merge combines two offline edits item by item and text language by language.
import { indicatorById } from '@tern/demography';
import { z } from 'zod';
import { ProfileError } from '../errors.ts';
import { isAlpha3 } from './country.ts';
import { ITEM_ID, valueKey } from './keys.ts';
import { SECTION_IDS, type SectionId } from './sections.ts';

const isLanguageTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
};

/** A BCP-47 tag in its canonical form (`en`, `fr`, `pt-BR`, `sr-Latn`). */
export const LanguageTag = z
  .string()
  .max(35)
  .refine(isLanguageTag, { message: 'not a canonical BCP-47 language tag (en, fr, pt-BR)' });
/** Text in one or more languages, by tag. */
export const LangText = z.record(LanguageTag, z.string().max(50_000));
export type LangText = z.infer<typeof LangText>;

const ItemId = z.string().regex(ITEM_ID, 'ids are 1–120 of A–Z a–z 0–9 : . _ ~ -');
const When = z.iso.datetime();
const Who = z.string().min(1).max(100);
const IsoDate = z.iso.date();

/** Items of a list have distinct ids: the merge matches items by id. */
const items = <T extends z.ZodType<{ _id: string }>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .superRefine((xs, ctx) => {
      const seen = new Set<string>();
      xs.forEach((x, i) => {
        if (seen.has(x._id))
          ctx.addIssue({ code: 'custom', path: [i, '_id'], message: `duplicate id ${x._id}` });
        seen.add(x._id);
      });
    });

export const Paragraph = z.object({ _id: ItemId, text: LangText });
export type Paragraph = z.infer<typeof Paragraph>;

const IndicatorId = z
  .string()
  .refine((id) => indicatorById(id) !== undefined, { message: 'unknown indicator' });

export const IndicatorTable = z.object({
  _id: ItemId,
  title: LangText,
  indicators: z.array(IndicatorId).min(1).max(50),
  /** Years shown; all years with a value when absent. */
  years: z.object({ from: z.number().int().min(1900), to: z.number().int().max(2100) }).optional(),
  chart: z.enum(['none', 'line', 'bar']),
});
export type IndicatorTable = z.infer<typeof IndicatorTable>;

export const Comment = z.object({
  _id: ItemId,
  by: Who,
  at: When,
  text: z.string().min(1).max(4000),
  resolved: z.object({ by: Who, at: When }).optional(),
});
export type Comment = z.infer<typeof Comment>;

export const Section = z.object({
  paragraphs: items(Paragraph, 500),
  tables: items(IndicatorTable, 100),
  comments: items(Comment, 2000),
});
export type Section = z.infer<typeof Section>;

export const ProfileValue = z
  .object({
    _id: ItemId,
    indicator: IndicatorId,
    year: z.number().int().min(1900).max(2100),
    value: z.number().finite(),
    unit: z.string().min(1).max(100),
    source: z.string().trim().min(1).max(300),
    definition: z.string().min(1).max(4000),
    reliability: z.string().min(1).max(2000),
    note: z.string().max(2000).optional(),
    /**
     * A figure Tern computed itself (decision 212): what was asked, when, and the server's seal over
     * the figure, so a device cannot make one up or change it (the server checks the seal at sync).
     */
    tern: z
      .object({
        kind: z.enum(['trafficking', 'projection']),
        query: z.string().min(1).max(1000),
        pulledAt: When,
        pulledBy: Who,
        seal: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a seal is 43 base64url characters'),
      })
      .strict()
      .optional(),
  })
  .superRefine((v, ctx) => {
    const def = indicatorById(v.indicator);
    if (!def) return;
    if (v.unit !== def.unit)
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `${def.name} is in ${def.unit}` });
    if (v.value < 0 && !def.signed)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${def.name} cannot be negative` });
    if (v._id !== valueKey(v.indicator, v.year, v.source))
      ctx.addIssue({
        code: 'custom',
        path: ['_id'],
        message: 'a value is keyed by indicator, year and source',
      });
  });
export type ProfileValue = z.infer<typeof ProfileValue>;

export const GAP_PLAN_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export const GapPlan = z.object({
  _id: ItemId,
  /** The key of the gap it answers (`missing:immigration`, `stale:remittances`; see gaps/). */
  gap: z.string().min(1).max(200),
  institution: z.string().min(1).max(300),
  action: z.string().min(1).max(4000),
  due: IsoDate,
  status: z.enum(GAP_PLAN_STATUSES),
  note: z.string().max(2000).optional(),
});
export type GapPlan = z.infer<typeof GapPlan>;

export const EDITION_STATUSES = ['draft', 'in_review', 'approved', 'published'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const WorkflowStep = z.object({
  _id: ItemId,
  action: z.enum(['submit', 'return', 'approve', 'reopen', 'publish']),
  from: z.enum(EDITION_STATUSES),
  to: z.enum(EDITION_STATUSES),
  by: Who,
  at: When,
  note: z.string().max(2000).optional(),
});
export type WorkflowStep = z.infer<typeof WorkflowStep>;

const sectionsShape = Object.fromEntries(SECTION_IDS.map((id) => [id, Section])) as Record<
  SectionId,
  typeof Section
>;

export const ProfileBody = z
  .object({
    type: z.literal('profile'),
    country: z.string().refine(isAlpha3, { message: 'not an ISO 3166-1 alpha-3 country code' }),
    edition: z.object({
      number: z.number().int().min(1).max(1000),
      status: z.enum(EDITION_STATUSES),
      basedOn: z.number().int().min(1).nullable(),
      history: items(WorkflowStep, 1000),
      publishedAt: When.optional(),
      publishedBy: Who.optional(),
    }),
    title: LangText,
    /** The languages of this edition; the first is the one the team writes in. */
    languages: z.array(LanguageTag).min(1).max(20),
    sections: z.object(sectionsShape).strict(),
    values: items(ProfileValue, 20_000),
    settings: z.object({
      /** Relative tolerance between sources, per indicator; `default` for the others. */
      tolerance: z.record(z.string(), z.number().min(0).max(10)),
      /** A figure older than this many years is stale in the gap assessment. */
      staleAfterYears: z.number().int().min(0).max(100),
    }),
    gapPlans: items(GapPlan, 1000),
    createdAt: When,
    createdBy: Who,
    updatedAt: When.optional(),
    updatedBy: Who.optional(),
    device: z.string().min(1).max(64),
  })
  .strict();
export type ProfileBody = z.infer<typeof ProfileBody>;

/** The body checked, or TERN_PROFILE_INVALID naming each bad path. */
export function parseProfile(body: unknown): ProfileBody {
  const r = ProfileBody.safeParse(body);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new ProfileError(
    'TERN_PROFILE_INVALID',
    `The profile is not valid: ${issues[0]!.path}: ${issues[0]!.message}`,
    {
      issues,
    },
  );
}

export const DEFAULT_TOLERANCE = 0.05;
export const DEFAULT_STALE_AFTER_YEARS = 5;

/** An empty first edition of a country's profile. */
export function newProfile(o: {
  country: string;
  title: LangText;
  languages: string[];
  by: string;
  at: string;
  device: string;
}): ProfileBody {
  const empty = (): Section => ({ paragraphs: [], tables: [], comments: [] });
  return parseProfile({
    type: 'profile',
    country: o.country,
    edition: { number: 1, status: 'draft', basedOn: null, history: [] },
    title: o.title,
    languages: o.languages,
    sections: Object.fromEntries(SECTION_IDS.map((id) => [id, empty()])),
    values: [],
    settings: { tolerance: { default: DEFAULT_TOLERANCE }, staleAfterYears: DEFAULT_STALE_AFTER_YEARS },
    gapPlans: [],
    createdAt: o.at,
    createdBy: o.by,
    device: o.device,
  });
}
