import { z } from 'zod/mini';
import { en } from 'zod/locales';

// zod's mini API (decision 222): the same validation as the classic API, without the methods that
// bring its JSON-schema generator into the interview route. `opt` reads like the classic `.optional()`.
const opt = z.optional;
// The mini API carries no messages of its own: without this, a device that never loaded the classic
// API would say "Invalid input" where the server says what was expected (≈ 1 KiB gzip).
z.config(en());

/**
 * The form definition model. A form is a tree of questions, groups and repeats with a stable id and
 * version. Texts are keyed by language code (en, fr, ar, es, ru…) so one definition carries every
 * language. Expressions (relevant, constraint, calculate, choiceFilter) are source strings in the
 * XLSForm/ODK XPath subset of ./expr; they are parsed and checked by compileForm, not by zod.
 */
export const LocalizedText = z.record(z.string().check(z.minLength(2)), z.string());
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A question, group, repeat or choice list name: an XML name without a colon (an NCName, as ODK
 * requires), so `hh-size`, `q1.2` and `âge` are names; spaces, a leading digit and `:` are not.
 */
export const NAME_PATTERN = /^[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7]*$/u;
const name = z
  .string()
  .check(
    z.maxLength(200),
    z.regex(NAME_PATTERN, 'a name starts with a letter or _ and holds letters, digits, _, - and .'),
  );
const expression = z.string().check(z.minLength(1), z.maxLength(4000));

export const Choice = z.object({
  value: z
    .string()
    .check(
      z.minLength(1),
      z.regex(
        /^\S+$/,
        'a choice value has no spaces (select_multiple answers are space-joined in expressions)',
      ),
    ),
  label: LocalizedText,
  /** Extra columns, read by bare names in a choice filter (XLSForm choices sheet columns). */
  data: opt(z.record(z.string(), z.string())),
  /**
   * Codes earlier versions of the form stored for this choice: still accepted and read as this
   * choice (labels, exports, editing), never written again. See choice-aliases.ts.
   */
  aliases: opt(z.array(z.string().check(z.minLength(1)))),
});
export type Choice = z.infer<typeof Choice>;

const common = {
  name,
  label: LocalizedText,
  hint: opt(LocalizedText),
  relevant: opt(expression),
  /** XLSForm appearance words (`multiline`, `minimal`, `likert`…); the renderer uses those it knows. */
  appearance: opt(z.string().check(z.maxLength(200))),
};
const answerable = {
  ...common,
  required: opt(z.boolean()),
  /** Shown instead of "This question is required" (XLSForm required_message). */
  requiredMessage: opt(LocalizedText),
  /** Shown but not editable (XLSForm read_only). */
  readOnly: opt(z.boolean()),
  /** Must be true for a non-empty answer; `.` is the answer. */
  constraint: opt(expression),
  constraintMessage: opt(LocalizedText),
  /** The answer is computed from other answers and kept up to date (read-only in the UI). */
  calculate: opt(expression),
  /** Initial answer of a new response (a literal, not an expression — as in ODK). */
  default: opt(z.union([z.string(), z.number(), z.array(z.string())])),
};
const choices = {
  /** Inline choices, or `choiceList` naming a list in the form's `choiceLists`; exactly one of the two. */
  choices: opt(z.array(Choice).check(z.minLength(1))),
  choiceList: opt(name),
  choiceFilter: opt(expression),
};

export const TextQuestion = z.object({
  ...answerable,
  type: z.literal('text'),
  maxLength: opt(z.int().check(z.positive())),
});
export const IntegerQuestion = z.object({
  ...answerable,
  type: z.literal('integer'),
  min: opt(z.int()),
  max: opt(z.int()),
});
export const DecimalQuestion = z.object({
  ...answerable,
  type: z.literal('decimal'),
  min: opt(z.number()),
  max: opt(z.number()),
});
export const DateQuestion = z.object({ ...answerable, type: z.literal('date') });
export const SelectOneQuestion = z.object({ ...answerable, ...choices, type: z.literal('select_one') });
export const SelectMultipleQuestion = z.object({
  ...answerable,
  ...choices,
  type: z.literal('select_multiple'),
});
/** An ISO 3166-1 alpha-3 code (./countries.ts); `multiple` for citizenships (HTCDS prs_Citizenship). */
export const CountryQuestion = z.object({
  ...answerable,
  type: z.literal('country'),
  multiple: opt(z.boolean()),
});
/** A time of day, stored `HH:MM` or `HH:MM:SS` (ODK's time, without its offset). */
export const TimeQuestion = z.object({ ...answerable, type: z.literal('time') });
/** A date and time, stored as ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM]`. */
export const DateTimeQuestion = z.object({ ...answerable, type: z.literal('datetime') });
/**
 * A place, stored in ODK's form: a point is `lat lon altitude accuracy` (degrees, metres); a trace or
 * a shape is points joined by `;` (a shape's last point is its first).
 */
export const GeoQuestion = z.object({
  ...answerable,
  type: z.enum(['geopoint', 'geotrace', 'geoshape']),
});
/** A number between `start` and `end` in steps of `step` (XLSForm range, parameters column). */
export const RangeQuestion = z.object({
  ...answerable,
  type: z.literal('range'),
  start: z.number(),
  end: z.number(),
  step: z.number().check(z.positive()),
});
/** Every offered choice in the order the person ranks them; stored as a list of values. */
export const RankQuestion = z.object({ ...answerable, ...choices, type: z.literal('rank') });
/** A box to tick; the answer is `OK` (ODK acknowledge, formerly trigger). */
export const AcknowledgeQuestion = z.object({ ...answerable, type: z.literal('acknowledge') });
/** A stored value never shown: its default or calculation (XLSForm hidden). */
export const HiddenQuestion = z.object({ ...answerable, type: z.literal('hidden') });
/** What a media question takes: a photo or drawing, a sound, a video, or any file. */
export const MEDIA_KINDS = ['image', 'audio', 'video', 'file'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * A photo, sound, video or file (XLSForm image, audio, video, file, signature). The answer is an
 * `AttachmentRef`; the bytes travel and are stored apart from the record (decision 125). `maxPixels`
 * (XLSForm parameters `max-pixels=`): the device shrinks an image so its longer side is at most this.
 * A signature or drawing is an image with the `signature`/`draw` appearance.
 */
export const MediaQuestion = z.object({
  ...answerable,
  type: z.literal('media'),
  accept: z.enum(MEDIA_KINDS),
  maxPixels: opt(z.int().check(z.positive(), z.lte(100_000))),
});

/** A file's sha-256 in lowercase hex: the name of its bytes on the device, on the wire and on the server. */
export const DIGEST_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The answer to a media question: which bytes (their sha-256), what they are (a media type such as
 * `image/jpeg`), how many (size in bytes) and the file's name as the person chose it. The record
 * carries only this; the bytes are an attachment of the record (decision 125).
 */
export const AttachmentRef = z.strictObject({
  digest: z
    .string()
    .check(z.regex(DIGEST_PATTERN, 'a digest is the sha-256 of the file as 64 lowercase hex digits')),
  mediaType: z
    .string()
    .check(
      z.maxLength(200),
      z.regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'a media type such as image/jpeg'),
    ),
  size: z.int().check(z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER)),
  name: z.string().check(z.minLength(1), z.maxLength(255)),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/**
 * Filled by the device, never asked (XLSForm metadata): start and end as date-times (form opened,
 * last saved), today as a date, the device id and the username.
 */
export const MetadataQuestion = z.object({
  name,
  type: z.literal('metadata'),
  kind: z.enum(['start', 'end', 'today', 'deviceid', 'username']),
  label: opt(LocalizedText),
});
/** Text shown to the interviewer; takes no answer. */
export const NoteQuestion = z.object({ ...common, type: z.literal('note') });
/** A hidden computed value stored with the answers (XLSForm `calculate` row). */
export const CalculateQuestion = z.object({
  name,
  type: z.literal('calculate'),
  calculate: expression,
  label: opt(LocalizedText),
  relevant: opt(expression),
});

export type TextQuestion = z.infer<typeof TextQuestion>;
export type IntegerQuestion = z.infer<typeof IntegerQuestion>;
export type DecimalQuestion = z.infer<typeof DecimalQuestion>;
export type DateQuestion = z.infer<typeof DateQuestion>;
export type SelectOneQuestion = z.infer<typeof SelectOneQuestion>;
export type SelectMultipleQuestion = z.infer<typeof SelectMultipleQuestion>;
export type CountryQuestion = z.infer<typeof CountryQuestion>;
export type NoteQuestion = z.infer<typeof NoteQuestion>;
export type CalculateQuestion = z.infer<typeof CalculateQuestion>;
export type TimeQuestion = z.infer<typeof TimeQuestion>;
export type DateTimeQuestion = z.infer<typeof DateTimeQuestion>;
export type GeoQuestion = z.infer<typeof GeoQuestion>;
export type RangeQuestion = z.infer<typeof RangeQuestion>;
export type RankQuestion = z.infer<typeof RankQuestion>;
export type AcknowledgeQuestion = z.infer<typeof AcknowledgeQuestion>;
export type HiddenQuestion = z.infer<typeof HiddenQuestion>;
export type MetadataQuestion = z.infer<typeof MetadataQuestion>;
export type MediaQuestion = z.infer<typeof MediaQuestion>;

export type Question =
  | TextQuestion
  | IntegerQuestion
  | DecimalQuestion
  | DateQuestion
  | SelectOneQuestion
  | SelectMultipleQuestion
  | CountryQuestion
  | NoteQuestion
  | CalculateQuestion
  | TimeQuestion
  | DateTimeQuestion
  | GeoQuestion
  | RangeQuestion
  | RankQuestion
  | AcknowledgeQuestion
  | HiddenQuestion
  | MetadataQuestion
  | MediaQuestion;

export type SelectQuestion = SelectOneQuestion | SelectMultipleQuestion;

/** A titled section; its answers sit in the same record as its siblings' (names are form-unique). */
export interface Group {
  type: 'group';
  name: string;
  label: LocalizedText;
  relevant?: string | undefined;
  appearance?: string | undefined;
  children: FormNode[];
}

/**
 * A repeated section. Its answer is an array of records, one per instance, each with a stable `_id`
 * (made on the device, so concurrent edits of different instances merge) and its children's answers.
 */
export interface Repeat {
  type: 'repeat';
  name: string;
  label: LocalizedText;
  relevant?: string | undefined;
  minCount?: number | undefined;
  maxCount?: number | undefined;
  /** How many entries there must be, computed (XLSForm repeat_count); the device adds them. */
  count?: string | undefined;
  appearance?: string | undefined;
  children: FormNode[];
}

export type FormNode = Question | Group | Repeat;

export const Group: z.ZodMiniType<Group> = z.object({
  type: z.literal('group'),
  name,
  label: LocalizedText,
  relevant: opt(expression),
  appearance: opt(z.string().check(z.maxLength(200))),
  get children() {
    return z.array(FormNode);
  },
});

export const Repeat: z.ZodMiniType<Repeat> = z.object({
  type: z.literal('repeat'),
  name,
  label: LocalizedText,
  relevant: opt(expression),
  minCount: opt(z.int().check(z.nonnegative())),
  maxCount: opt(z.int().check(z.positive(), z.lte(10_000))),
  count: opt(expression),
  appearance: opt(z.string().check(z.maxLength(200))),
  get children() {
    return z.array(FormNode).check(z.minLength(1));
  },
});

export const FormNode: z.ZodMiniType<FormNode> = z.union([
  TextQuestion,
  IntegerQuestion,
  DecimalQuestion,
  DateQuestion,
  SelectOneQuestion,
  SelectMultipleQuestion,
  CountryQuestion,
  NoteQuestion,
  CalculateQuestion,
  TimeQuestion,
  DateTimeQuestion,
  GeoQuestion,
  RangeQuestion,
  RankQuestion,
  AcknowledgeQuestion,
  HiddenQuestion,
  MetadataQuestion,
  MediaQuestion,
  Group,
  Repeat,
]);

/**
 * Groups and repeats nest at most this deep. Real forms nest a few levels; the limit is checked before
 * zod parses a definition (zod, the compiler and the renderer recurse per level).
 */
export const MAX_NESTING = 32;

/** Depth of nested `children` in an untrusted definition, counted without recursion; stops past the limit. */
export function nestingDepth(input: unknown): number {
  let level: unknown[] = [input];
  let depth = 0;
  while (level.length > 0 && depth <= MAX_NESTING + 1) {
    const next: unknown[] = [];
    for (const n of level) {
      const children = (n as { children?: unknown } | null)?.children;
      if (Array.isArray(children)) next.push(...children.filter((c) => typeof c === 'object' && c !== null));
    }
    if (next.length === 0) break;
    depth++;
    level = next;
  }
  return depth;
}

export const FormDefinition = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]*$/, 'form id: lowercase letters, digits, _ and -')),
  version: z.string().check(z.minLength(1), z.regex(/^[^@\s]+$/, 'form version: no spaces or @')),
  title: LocalizedText,
  defaultLanguage: z.string().check(z.minLength(2)),
  /** Languages the form is written in, for the language switcher; defaults to those of the title. */
  languages: opt(z.array(z.string().check(z.minLength(2)))),
  /** Shared choice lists (XLSForm `choices` sheet), referenced by `choiceList`. */
  choiceLists: opt(z.record(name, z.array(Choice).check(z.minLength(1)))),
  children: z.array(FormNode).check(z.minLength(1)),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

export function isContainer(n: FormNode): n is Group | Repeat {
  return n.type === 'group' || n.type === 'repeat';
}

/**
 * Every question of a form with its path (group and repeat names joined by '/'), in document order.
 * `repeats` names the enclosing repeats, outermost first (empty outside repeats).
 */
export function questionsOf(
  nodes: FormNode[],
  prefix = '',
  repeats: string[] = [],
): Array<{ path: string; question: Question; repeats: string[] }> {
  const out: Array<{ path: string; question: Question; repeats: string[] }> = [];
  for (const n of nodes) {
    const path = prefix ? `${prefix}/${n.name}` : n.name;
    if (n.type === 'group') out.push(...questionsOf(n.children, path, repeats));
    else if (n.type === 'repeat') out.push(...questionsOf(n.children, path, [...repeats, n.name]));
    else out.push({ path, question: n, repeats });
  }
  return out;
}
