import { ExpressionError } from './expression-error.ts';

/**
 * Tokens of the XLSForm/ODK XPath subset. `and`, `or`, `div` and `mod` come out as names; the parser
 * decides from position whether a name is an operator, as XPath 1.0 §3.7 does.
 */
export type Token =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'ref'; name: string; pos: number }
  | { kind: 'name'; name: string; pos: number }
  | { kind: 'op'; op: Op; pos: number }
  | { kind: 'end'; pos: number };

export type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '(' | ')' | ',' | '.' | '..';

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_\-:]/;
// `${name}`: any XML name (NCName), as NAME_PATTERN in definition.ts.
const REF = /^\$\{([\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7]*)\}/u;

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === '$') {
      const m = REF.exec(src.slice(i));
      if (!m) throw new ExpressionError('Expected a reference like ${name}', i);
      out.push({ kind: 'ref', name: m[1]!, pos: start });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      // XPath 1.0 string literals have no escapes: the other quote character is the way to embed one.
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('Unterminated string', start);
      out.push({ kind: 'string', value: src.slice(i + 1, end), pos: start });
      i = end + 1;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1]))) {
      while (isDigit(src[i])) i++;
      if (src[i] === '.') {
        i++;
        while (isDigit(src[i])) i++;
      }
      out.push({ kind: 'number', value: Number(src.slice(start, i)), pos: start });
      continue;
    }
    if (NAME_START.test(c)) {
      while (i < src.length && NAME_CHAR.test(src[i]!)) i++;
      // A trailing '-' belongs to the next token: `a- 1` is rare, `x-1` stays a name as in XPath.
      out.push({ kind: 'name', name: src.slice(start, i), pos: start });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '..') {
      out.push({ kind: 'op', op: two, pos: start });
      i += 2;
      continue;
    }
    if ('=<>+-*(),.'.includes(c)) {
      out.push({ kind: 'op', op: c as Op, pos: start });
      i++;
      continue;
    }
    throw new ExpressionError(`Unexpected character ${JSON.stringify(c)}`, start);
  }
  out.push({ kind: 'end', pos: src.length });
  return out;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
