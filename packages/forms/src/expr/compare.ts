import type { BinaryOp } from './ast.ts';
import { NodeSet, XDate, first, parseIsoDate, toBool, toNum, toStr } from './values.ts';
import type { Value } from './values.ts';

type CompareOp = Extract<BinaryOp, '=' | '!=' | '<' | '<=' | '>' | '>='>;

/**
 * XPath 1.0 §3.4 comparison. A node-set compares true when any of its values does. Dates compare by
 * day; a string that is a valid date compares as a date against a date (ODK's behaviour, so that
 * `${d} > '2020-01-01'` and `. <= today()` work).
 */
export function compare(op: CompareOp, a: Value, b: Value): boolean {
  if (a instanceof NodeSet) {
    if (b instanceof NodeSet) return a.values.some((x) => b.values.some((y) => compare(op, x, y)));
    if (typeof b === 'boolean') return compareAtoms(op, toBool(a), b);
    return a.values.some((x) => compare(op, x, b));
  }
  if (b instanceof NodeSet) {
    if (typeof a === 'boolean') return compareAtoms(op, a, toBool(b));
    return b.values.some((y) => compare(op, a, y));
  }
  return compareAtoms(op, a, b);
}

function compareAtoms(op: CompareOp, a: Value, b: Value): boolean {
  a = first(a);
  b = first(b);
  if (a instanceof XDate || b instanceof XDate) {
    const x = asDays(a);
    const y = asDays(b);
    return relate(op, x, y);
  }
  if (op === '=' || op === '!=') {
    let eq: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') eq = toBool(a) === toBool(b);
    else if (typeof a === 'number' || typeof b === 'number') eq = toNum(a) === toNum(b);
    else eq = toStr(a) === toStr(b);
    return op === '=' ? eq : !eq;
  }
  return relate(op, toNum(a), toNum(b));
}

function asDays(v: Value): number {
  if (typeof v === 'string') {
    const d = parseIsoDate(v.trim());
    return d ? d.days : NaN;
  }
  return toNum(v);
}

function relate(op: CompareOp, x: number, y: number): boolean {
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}
