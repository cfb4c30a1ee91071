import { ODK_FUNCTIONS } from './functions-odk.ts';
import { NodeSet, XDate, first, toBool, toDate, toNum, toStr } from './values.ts';
import type { Atom, Value } from './values.ts';

/**
 * The function library: ODK XForms functions used by XLSForm authors
 * (https://getodk.github.io/xforms-spec/#xpath-functions). `if`, `position`, `today` and `regex`
 * need the compiler or the context and live in compile.ts; everything here is a pure function of
 * its evaluated arguments.
 */
export interface FunctionSpec {
  min: number;
  max: number; // Infinity for variadic
  fn: (args: Value[]) => Value;
}

const str = (v: Value | undefined): string => toStr(v ?? '');
const num = (v: Value | undefined): number => toNum(v ?? '');
const words = (v: Value | undefined): string[] => {
  const s = str(v).trim();
  return s === '' ? [] : s.split(/\s+/);
};
/** All values of the arguments, a node-set contributing each of its values. */
const flat = (args: Value[]): Atom[] => args.flatMap((a) => (a instanceof NodeSet ? [...a.values] : [a]));

function formatDate(d: XDate | '', fmt: string): string {
  if (d === '') return '';
  const iso = d.toString();
  const [y, m, day] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return fmt.replace(/%([Ymdyne%])/g, (_, c: string) => {
    switch (c) {
      case 'Y':
        return y;
      case 'm':
        return m;
      case 'd':
        return day;
      case 'y':
        return y.slice(2);
      case 'n':
        return String(Number(m));
      case 'e':
        return String(Number(day));
      default:
        return '%';
    }
  });
}

/** XPath round(): half rounds toward +∞; ODK's second argument gives decimal places. */
function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.pow(10, Number.isFinite(digits) ? Math.trunc(digits) : 0);
  return Math.round(x * f) / f;
}

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  // logic
  ['not', { min: 1, max: 1, fn: ([a]) => !toBool(a!) }],
  ['true', { min: 0, max: 0, fn: () => true }],
  ['false', { min: 0, max: 0, fn: () => false }],
  ['boolean', { min: 1, max: 1, fn: ([a]) => toBool(a!) }],
  ['coalesce', { min: 2, max: 2, fn: ([a, b]) => (str(a) !== '' ? first(a!) : first(b!)) }],
  // selects
  ['selected', { min: 2, max: 2, fn: ([s, v]) => words(s).includes(str(v).trim()) }],
  ['count-selected', { min: 1, max: 1, fn: ([s]) => words(s).length }],
  ['selected-at', { min: 2, max: 2, fn: ([s, i]) => words(s)[num(i)] ?? '' }],
  // strings
  ['string', { min: 1, max: 1, fn: ([a]) => str(a) }],
  ['concat', { min: 0, max: Infinity, fn: (args) => flat(args).map(str).join('') }],
  ['join', { min: 2, max: Infinity, fn: ([sep, ...rest]) => flat(rest).map(str).join(str(sep)) }],
  ['string-length', { min: 1, max: 1, fn: ([s]) => [...str(s)].length }],
  ['contains', { min: 2, max: 2, fn: ([a, b]) => str(a).includes(str(b)) }],
  ['starts-with', { min: 2, max: 2, fn: ([a, b]) => str(a).startsWith(str(b)) }],
  ['ends-with', { min: 2, max: 2, fn: ([a, b]) => str(a).endsWith(str(b)) }],
  ['normalize-space', { min: 1, max: 1, fn: ([a]) => str(a).trim().replace(/\s+/g, ' ') }],
  [
    'substr',
    {
      // ODK substr(s, start[, end]): 0-based start, end exclusive, counted in characters.
      min: 2,
      max: 3,
      fn: ([s, a, b]) => {
        const chars = [...str(s)];
        return chars.slice(Math.max(0, num(a)), b === undefined ? undefined : Math.max(0, num(b))).join('');
      },
    },
  ],
  [
    'substring-before',
    {
      min: 2,
      max: 2,
      fn: ([a, b]) => {
        const s = str(a);
        const i = s.indexOf(str(b));
        return i < 0 ? '' : s.slice(0, i);
      },
    },
  ],
  [
    'substring-after',
    {
      min: 2,
      max: 2,
      fn: ([a, b]) => {
        const s = str(a);
        const t = str(b);
        const i = s.indexOf(t);
        return i < 0 ? '' : s.slice(i + t.length);
      },
    },
  ],
  // numbers
  ['number', { min: 1, max: 1, fn: ([a]) => num(a) }],
  ['int', { min: 1, max: 1, fn: ([a]) => Math.trunc(num(a)) }],
  ['round', { min: 1, max: 2, fn: ([a, d]) => round(num(a), d === undefined ? 0 : num(d)) }],
  ['floor', { min: 1, max: 1, fn: ([a]) => Math.floor(num(a)) }],
  ['ceiling', { min: 1, max: 1, fn: ([a]) => Math.ceil(num(a)) }],
  ['abs', { min: 1, max: 1, fn: ([a]) => Math.abs(num(a)) }],
  ['pow', { min: 2, max: 2, fn: ([a, b]) => Math.pow(num(a), num(b)) }],
  [
    'min',
    {
      min: 1,
      max: Infinity,
      fn: (args) => {
        const xs = flat(args).map(num);
        return xs.length ? Math.min(...xs) : NaN;
      },
    },
  ],
  [
    'max',
    {
      min: 1,
      max: Infinity,
      fn: (args) => {
        const xs = flat(args).map(num);
        return xs.length ? Math.max(...xs) : NaN;
      },
    },
  ],
  // node-sets (repeats)
  [
    'count',
    { min: 1, max: 1, fn: ([a]) => (a instanceof NodeSet ? a.values.length : str(a) === '' ? 0 : 1) },
  ],
  // Unlike JavaRosa, empty values (unanswered or irrelevant instances) are skipped rather than
  // turning the sum into NaN: authors otherwise wrap every summed field in coalesce().
  [
    'sum',
    { min: 1, max: 1, fn: ([a]) => flat([a!]).reduce<number>((t, v) => (v === '' ? t : t + num(v)), 0) },
  ],
  // dates
  ['date', { min: 1, max: 1, fn: ([a]) => toDate(a!) }],
  [
    'decimal-date-time',
    {
      min: 1,
      max: 1,
      fn: ([a]) => {
        const d = toDate(a!);
        return d === '' ? NaN : d.days;
      },
    },
  ],
  ['format-date', { min: 2, max: 2, fn: ([d, f]) => formatDate(toDate(d!), str(f)) }],
  ...ODK_FUNCTIONS,
]);
