import type { LocalizedText, Question } from '../definition.ts';
import { cell, localized } from './columns.ts';
import type { Column } from './columns.ts';
import type { MediaKind, SimpleType } from './survey-types.ts';

/** What a row's question is built from; `warn`/`error` put a problem on the row and a column. */
export interface RowContext {
  row: readonly string[];
  cols: readonly Column[];
  plainLang: string;
  warn: (message: string, column?: string) => void;
  error: (message: string, column?: string) => void;
}

const YES = new Set(['yes', 'true', 'true()', '1']);
const NO = new Set(['', 'no', 'false', 'false()', '0']);

export const text = (c: RowContext, base: string): LocalizedText | undefined =>
  localized(c.row, c.cols, base, c.plainLang);
export const value = (c: RowContext, base: string): string => cell(c.row, c.cols, base);

/** yes/no/TRUE/FALSE/true() → boolean; an expression (ODK's dynamic required) → a warning. */
export function yesNo(c: RowContext, base: string): boolean | undefined {
  const v = value(c, base).toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return undefined;
  c.warn(`${base} "${value(c, base)}": only yes or no is supported; taken as no`, base);
  return undefined;
}

/** `start=1 end=10 step=1`, `randomize=true, seed=${x}`: the parameters column as key → value. */
export function parameters(c: RowContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value(c, 'parameters').split(/[\s,;]+/)) {
    const m = /^([\w-]+)=(.*)$/.exec(part);
    if (m) out.set(m[1]!.toLowerCase(), m[2]!);
  }
  return out;
}

/** The answerable properties every question type shares: hint, required, constraint, default… */
export function answerable(c: RowContext, q: Question & { type: string }): void {
  const set = q as Record<string, unknown>;
  const hint = text(c, 'hint');
  if (hint) set.hint = hint;
  if (yesNo(c, 'required')) set.required = true;
  const reqMsg = text(c, 'required_message');
  if (reqMsg) set.requiredMessage = reqMsg;
  if (yesNo(c, 'read_only')) set.readOnly = true;
  const constraint = value(c, 'constraint');
  if (constraint) set.constraint = constraint;
  const msg = text(c, 'constraint_message');
  if (msg) set.constraintMessage = msg;
  const calculation = value(c, 'calculation');
  if (calculation) set.calculate = calculation;
  const dflt = value(c, 'default');
  if (dflt !== '') {
    const d = defaultOf(q.type, dflt);
    if (d === undefined)
      c.warn(`default "${dflt}" is not an answer to a ${q.type} question; ignored`, 'default');
    else set.default = d;
  }
}

/**
 * A default as the stored answer; undefined when it cannot be one. ODK's dynamic defaults (an
 * expression such as `today()`) are not literals: the caller warns and leaves them out.
 */
function defaultOf(type: string, d: string): string | number | string[] | undefined {
  if (d.includes('${') || /^[a-z][\w:-]*\(.*\)$/i.test(d.trim())) return undefined;
  switch (type) {
    case 'integer':
    case 'decimal':
    case 'range': {
      const n = Number(d);
      return d.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'select_multiple':
    case 'rank':
      return d.split(/\s+/).filter(Boolean);
    case 'acknowledge':
      return YES.has(d.toLowerCase()) || d === 'OK' ? 'OK' : undefined;
    default:
      return d;
  }
}

/** A question of a simple type (not a select, not metadata). Null when the row is refused. */
export function simpleQuestion(c: RowContext, type: SimpleType, name: string): Question | null {
  const label = text(c, 'label') ?? {};
  if (type === 'calculate') {
    const calculation = value(c, 'calculation');
    if (!calculation) {
      c.error('The calculate row has no calculation', 'calculation');
      return null;
    }
    const q: Question = { type: 'calculate', name, calculate: calculation };
    if (Object.keys(label).length > 0) q.label = label;
    return q;
  }
  if (type === 'note') {
    const q: Question = { type: 'note', name, label };
    const hint = text(c, 'hint');
    if (hint) q.hint = hint;
    if (value(c, 'required') !== '' || value(c, 'constraint') !== '')
      c.warn('required and constraint do not apply to a note; ignored');
    return q;
  }
  let q: Question;
  if (type === 'range') {
    const p = parameters(c);
    const num = (k: string, d: number): number => {
      const v = p.get(k);
      if (v === undefined) return d;
      const n = Number(v);
      if (Number.isFinite(n)) return n;
      c.warn(`range parameter ${k}=${v} is not a number; ${d} is used`, 'parameters');
      return d;
    };
    // ODK's defaults: start=1 end=10 step=1.
    const step = num('step', 1);
    q = { type, name, label, start: num('start', 1), end: num('end', 10), step: step > 0 ? step : 1 };
  } else q = { type, name, label } as Question;
  answerable(c, q);
  return q;
}

/** ODK's media parameters Tern reads; `quality` (ODK Collect's recording quality) is not. */
const MEDIA_PARAMETERS = new Set(['max-pixels']);

/**
 * A media question (image, photo, signature, audio, video, file). `max-pixels=N` in the parameters
 * column bounds an image's longer side. A signature is an image with the `signature` appearance: the
 * person photographs or picks the signed image (Tern has no drawing pad), said in a warning.
 */
export function mediaQuestion(c: RowContext, accept: MediaKind, signature: boolean, name: string): Question {
  const q: Question = { type: 'media', name, label: text(c, 'label') ?? {}, accept };
  const p = parameters(c);
  for (const key of p.keys())
    if (!MEDIA_PARAMETERS.has(key))
      c.warn(`parameter ${key} does not apply to a ${accept} question in Tern; ignored`, 'parameters');
  const max = p.get('max-pixels');
  if (max !== undefined) {
    const n = Number(max);
    if (accept !== 'image') c.warn(`max-pixels applies to an image question; ignored`, 'parameters');
    else if (Number.isInteger(n) && n > 0 && n <= 100_000) q.maxPixels = n;
    else
      c.warn(`max-pixels=${max} is not a whole number of pixels; the image is kept as taken`, 'parameters');
  }
  if (signature) {
    q.appearance = 'signature';
    c.warn(
      'signature is asked as an image: a photo of the signature or an image file (Tern has no drawing pad)',
      'type',
    );
  }
  if (value(c, 'default') !== '') {
    c.warn('a default file for a media question is not supported; ignored', 'default');
    // answerable() would warn a second time about the same cell.
    answerable({ ...c, cols: c.cols.filter((x) => x.base !== 'default') }, q);
  } else answerable(c, q);
  return q;
}
