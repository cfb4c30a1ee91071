import { area, distance, parsePoint, parsePoints } from '../geo.ts';
import type { GeoPoint } from '../geo.ts';
import type { FunctionSpec } from './functions.ts';
import { NodeSet, toBool, toNum, toStr } from './values.ts';
import type { Atom, Value } from './values.ts';

/**
 * More of the ODK XPath function list (https://getodk.github.io/xforms-spec/#xpath-functions): math,
 * checklists, date-times, geo. Pure functions of their evaluated arguments, as in functions.ts.
 */
const str = (v: Value | undefined): string => toStr(v ?? '');
const num = (v: Value | undefined): number => toNum(v ?? '');
const all = (args: Value[]): Atom[] => args.flatMap((a) => (a instanceof NodeSet ? [...a.values] : [a]));
const math = (f: (x: number) => number): FunctionSpec => ({ min: 1, max: 1, fn: ([a]) => f(num(a)) });

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** format-date-time(): %Y %y %m %n %b %d %e %a %H %h %M %S %3, on the wall-clock time as stored. */
export function formatDateTime(v: string, fmt: string): string {
  const m = DATETIME.exec(v.trim());
  if (!m) return '';
  const [, y, mo, d, H = '00', M = '00', S = '00', ms = '0'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  return fmt.replace(/%([YymnbdeaHhMS3%])/g, (_, c: string) => {
    switch (c) {
      case 'Y':
        return y!;
      case 'y':
        return y!.slice(2);
      case 'm':
        return mo!;
      case 'n':
        return String(Number(mo));
      case 'b':
        return MONTHS[Number(mo) - 1] ?? '';
      case 'd':
        return d!;
      case 'e':
        return String(Number(d));
      case 'a':
        return DAYS[day] ?? '';
      case 'H':
        return H;
      case 'h':
        return String(Number(H));
      case 'M':
        return M;
      case 'S':
        return S;
      case '3':
        return ms.padEnd(3, '0');
      default:
        return '%';
    }
  });
}

/** Points of a geotrace/geoshape answer, or of a node-set of geopoints (a repeat's). */
function pointsOf(v: Value | undefined): GeoPoint[] {
  if (v instanceof NodeSet) {
    if (v.values.length === 1) return parsePoints(toStr(v.values[0]!)) ?? [];
    return v.values.map((x) => parsePoint(toStr(x))).filter((p): p is GeoPoint => p !== null);
  }
  return parsePoints(str(v)) ?? [];
}

function base64Decode(s: string): string {
  try {
    const bin = atob(s.trim());
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

export const ODK_FUNCTIONS: ReadonlyArray<[string, FunctionSpec]> = [
  ['sqrt', math(Math.sqrt)],
  ['exp', math(Math.exp)],
  ['exp10', math((x) => Math.pow(10, x))],
  ['log', math(Math.log)],
  ['log10', math(Math.log10)],
  ['sin', math(Math.sin)],
  ['cos', math(Math.cos)],
  ['tan', math(Math.tan)],
  ['asin', math(Math.asin)],
  ['acos', math(Math.acos)],
  ['atan', math(Math.atan)],
  ['atan2', { min: 2, max: 2, fn: ([y, x]) => Math.atan2(num(y), num(x)) }],
  ['pi', { min: 0, max: 0, fn: () => Math.PI }],
  ['boolean-from-string', { min: 1, max: 1, fn: ([a]) => ['true', '1'].includes(str(a).trim()) }],
  [
    'checklist',
    {
      // checklist(min, max, v…): how many of v are true lies in [min, max]; -1 means no bound.
      min: 2,
      max: Infinity,
      fn: ([lo, hi, ...rest]) => {
        const n = all(rest).filter((x) => toBool(x)).length;
        return (num(lo) < 0 || n >= num(lo)) && (num(hi) < 0 || n <= num(hi));
      },
    },
  ],
  [
    'weighted-checklist',
    {
      min: 2,
      max: Infinity,
      fn: ([lo, hi, ...rest]) => {
        const xs = all(rest);
        let total = 0;
        for (let i = 0; i + 1 < xs.length; i += 2) if (toBool(xs[i]!)) total += toNum(xs[i + 1]!);
        return (num(lo) < 0 || total >= num(lo)) && (num(hi) < 0 || total <= num(hi));
      },
    },
  ],
  ['count-non-empty', { min: 1, max: 1, fn: ([a]) => all([a!]).filter((x) => toStr(x) !== '').length }],
  [
    'translate',
    {
      min: 3,
      max: 3,
      fn: ([s, from, to]) => {
        const f = [...str(from)];
        const t = [...str(to)];
        return [...str(s)]
          .map((ch) => {
            const i = f.indexOf(ch);
            return i < 0 ? ch : (t[i] ?? '');
          })
          .join('');
      },
    },
  ],
  ['date-time', { min: 1, max: 1, fn: ([a]) => str(a) }],
  [
    'decimal-time',
    {
      min: 1,
      max: 1,
      fn: ([a]) => {
        const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(str(a).trim());
        return m ? (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400 : NaN;
      },
    },
  ],
  ['format-date-time', { min: 2, max: 2, fn: ([d, f]) => formatDateTime(str(d), str(f)) }],
  ['base64-decode', { min: 1, max: 1, fn: ([a]) => base64Decode(str(a)) }],
  ['distance', { min: 1, max: 1, fn: ([a]) => distance(pointsOf(a)) }],
  ['area', { min: 1, max: 1, fn: ([a]) => area(pointsOf(a)) }],
  ['random', { min: 0, max: 0, fn: () => Math.random() }],
];
