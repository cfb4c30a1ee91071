/**
 * Runtime values of the expression language and the XPath 1.0 conversions between them (§4.2–4.4).
 * Empty answers are the empty string, as in ODK. A select_multiple answer is its choices joined by
 * one space, so `selected()`, `count-selected()` and `${sm} = ''` behave as in ODK/Enketo.
 */
export class XDate {
  /** Days since 1970-01-01 (UTC calendar date; time of day is not modelled). */
  constructor(readonly days: number) {}
  toString(): string {
    if (!Number.isFinite(this.days)) return '';
    return new Date(Math.round(this.days) * 86_400_000).toISOString().slice(0, 10);
  }
}

/** Several values: a repeat's instances, or a field inside a repeat seen from outside it. */
export class NodeSet {
  constructor(readonly values: readonly Atom[]) {}
}

export type Atom = string | number | boolean | XDate;
export type Value = Atom | NodeSet;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse YYYY-MM-DD strictly (rejects 2023-02-30); returns null when it is not a calendar date. */
export function parseIsoDate(s: string): XDate | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new XDate(ms / 86_400_000);
  return d.toString() === s ? d : null;
}

export function first(v: Value): Atom {
  if (v instanceof NodeSet) return v.values[0] ?? '';
  return v;
}

export function toBool(v: Value): boolean {
  if (v instanceof NodeSet) return v.values.length > 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  return Number.isFinite(v.days);
}

export function toNum(v: Value): number {
  v = first(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof XDate) return v.days;
  const s = v.trim();
  // XPath Number: optional minus, digits with optional fraction. No exponents, no hex, no '' → 0.
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN;
}

export function toStr(v: Value): string {
  v = first(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof XDate) return v.toString();
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '0';
  // XPath prints numbers without exponent; JS switches to 1e21 notation only beyond 1e21.
  return String(v);
}

/** A date from a date, a number of days, or a YYYY-MM-DD string; '' when it is none of these. */
export function toDate(v: Value): XDate | '' {
  v = first(v);
  if (v instanceof XDate) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? new XDate(Math.floor(v)) : '';
  if (typeof v === 'string') {
    // ODK accepts a date-time too; keep its date part.
    return parseIsoDate(v.trim().slice(0, 10)) ?? '';
  }
  return '';
}
