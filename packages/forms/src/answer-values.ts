import { choiceFor } from './choice-aliases.ts';
import { isCountryCode } from './countries.ts';
import { AttachmentRef } from './definition.ts';
import type { Choice, MediaQuestion, Question } from './definition.ts';
import { parseIsoDate } from './expr/index.ts';
import { geoProblem } from './geo.ts';
import type { Atom } from './expr/index.ts';

/**
 * How stored answers look, per question type, and how expressions see them:
 * text → string; integer/decimal → number; date → 'YYYY-MM-DD'; select_one and country → the choice
 * value; select_multiple and multiple country → string[] (seen by expressions joined by one space);
 * calculate → string or number; media → an `AttachmentRef` object, seen by expressions as its file
 * name (as ODK sees a media answer). A missing or empty answer is '' to expressions.
 */
export function isEmptyAnswer(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function toAtom(q: Question, v: unknown): Atom {
  if (v === undefined || v === null) return '';
  switch (q.type) {
    case 'date':
      return typeof v === 'string' ? (parseIsoDate(v) ?? v) : '';
    case 'select_multiple':
    case 'rank':
    case 'country':
      if (Array.isArray(v)) return v.join(' ');
      return typeof v === 'string' ? v : '';
    case 'media':
      return typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
        ? (v as { name: string }).name
        : '';
    default:
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : '';
  }
}

export interface AnswerProblem {
  code: 'type' | 'range' | 'choice' | 'length';
  message: string;
}

const isMultiple = (q: Question): boolean =>
  q.type === 'select_multiple' || q.type === 'rank' || (q.type === 'country' && q.multiple === true);

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?([+-]\d{2}:\d{2}|Z)?$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?([+-]\d{2}:\d{2}|Z)?$/;

/** An ISO date-time as ODK stores it (date part a real calendar date). */
export function isDateTime(v: string): boolean {
  const m = DATETIME.exec(v);
  return m !== null && parseIsoDate(m[1]!) !== null;
}

/** Type, range and choice checks of one non-empty answer. `choices` are those offered (after any filter). */
export function checkAnswer(
  q: Question,
  v: unknown,
  choices: readonly Choice[] | null,
): AnswerProblem | null {
  switch (q.type) {
    case 'text':
      if (typeof v !== 'string') return { code: 'type', message: 'Expected text' };
      if (q.maxLength !== undefined && v.length > q.maxLength)
        return { code: 'length', message: `At most ${q.maxLength} characters` };
      return null;
    case 'integer':
    case 'decimal':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'type', message: 'Expected a number' };
      if (q.type === 'integer' && !Number.isInteger(v))
        return { code: 'type', message: 'Expected a whole number' };
      if (q.min !== undefined && v < q.min) return { code: 'range', message: `Must be at least ${q.min}` };
      if (q.max !== undefined && v > q.max) return { code: 'range', message: `Must be at most ${q.max}` };
      return null;
    case 'date':
      if (typeof v !== 'string' || !parseIsoDate(v))
        return { code: 'type', message: 'Expected a calendar date as YYYY-MM-DD' };
      return null;
    case 'time':
      return typeof v === 'string' && TIME.test(v)
        ? null
        : { code: 'type', message: 'Expected a time as HH:MM' };
    case 'datetime':
      return typeof v === 'string' && isDateTime(v)
        ? null
        : { code: 'type', message: 'Expected a date and time as YYYY-MM-DDTHH:MM' };
    case 'geopoint':
    case 'geotrace':
    case 'geoshape': {
      const bad = typeof v === 'string' ? geoProblem(q.type, v) : 'Expected a place';
      return bad ? { code: 'type', message: bad } : null;
    }
    case 'range': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'type', message: 'Expected a number' };
      const lo = Math.min(q.start, q.end);
      const hi = Math.max(q.start, q.end);
      if (v < lo || v > hi) return { code: 'range', message: `Must be between ${lo} and ${hi}` };
      const steps = (v - q.start) / q.step;
      if (Math.abs(steps - Math.round(steps)) > 1e-9)
        return { code: 'range', message: `Must be ${q.start} plus a multiple of ${q.step}` };
      return null;
    }
    case 'acknowledge':
      return v === 'OK' ? null : { code: 'type', message: 'Expected OK' };
    case 'hidden':
      return typeof v === 'string' || typeof v === 'number'
        ? null
        : { code: 'type', message: 'Expected text or a number' };
    case 'metadata':
      return metadataProblem(q.kind, v);
    case 'media':
      return mediaProblem(q, v);
    case 'select_one':
    case 'select_multiple':
    case 'rank':
    case 'country': {
      const values = isMultiple(q) ? v : [v];
      if (!Array.isArray(values) || !values.every((x) => typeof x === 'string'))
        return {
          code: 'type',
          message: isMultiple(q) ? 'Expected a list of choices' : 'Expected one choice',
        };
      const offered = (x: string): boolean =>
        q.type === 'country' ? isCountryCode(x) : choiceFor(choices ?? [], x) !== undefined;
      const bad = values.find((x) => !offered(x));
      if (bad !== undefined) return { code: 'choice', message: `"${bad}" is not one of the choices` };
      if (new Set(values).size !== values.length)
        return { code: 'choice', message: 'A choice is selected twice' };
      // ODK's rank orders every offered choice.
      if (q.type === 'rank' && choices && values.length !== choices.length)
        return { code: 'choice', message: 'Rank every choice' };
      return null;
    }
    case 'note':
      return { code: 'type', message: 'A note takes no answer' };
    case 'calculate':
      return typeof v === 'string' || typeof v === 'number'
        ? null
        : { code: 'type', message: 'Expected a calculated text or number' };
  }
}

function metadataProblem(kind: string, v: unknown): AnswerProblem | null {
  if (typeof v !== 'string' || v.length > 500) return { code: 'type', message: 'Expected text' };
  if ((kind === 'start' || kind === 'end') && !isDateTime(v))
    return { code: 'type', message: 'Expected a date and time' };
  if (kind === 'today' && !parseIsoDate(v)) return { code: 'type', message: 'Expected a date' };
  return null;
}

const ACCEPTED: Record<MediaQuestion['accept'], { prefix: string; what: string }> = {
  image: { prefix: 'image/', what: 'an image' },
  audio: { prefix: 'audio/', what: 'a sound recording' },
  video: { prefix: 'video/', what: 'a video' },
  file: { prefix: '', what: 'a file' },
};

/** A media answer is an attachment reference whose media type fits what the question takes. */
function mediaProblem(q: MediaQuestion, v: unknown): AnswerProblem | null {
  const want = ACCEPTED[q.accept];
  const ref = AttachmentRef.safeParse(v);
  if (!ref.success) {
    const issue = ref.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return {
      code: 'type',
      message: `Expected ${want.what} attached (digest, media type, size, name); ${where}${issue.message}`,
    };
  }
  if (!ref.data.mediaType.toLowerCase().startsWith(want.prefix))
    return { code: 'type', message: `Expected ${want.what}, got a file of type ${ref.data.mediaType}` };
  return null;
}
