import { regexEngine } from '#regex-engine';
import type { RegexEngine } from './regex-engine.ts';
import type { BinaryOp, Expr } from './ast.ts';
import { compare } from './compare.ts';
import { ExpressionError } from './expression-error.ts';
import { FUNCTIONS } from './functions.ts';
import { parseExpression } from './parser.ts';
import { NodeSet, XDate, toBool, toNum, toStr } from './values.ts';
import type { Value } from './values.ts';

/** What an evaluation needs from the outside world. Built once per evaluation pass, not per expression. */
export interface EvalContext {
  /** today() — passed in so the server and tests decide the calendar date (see decision 012). */
  today: XDate;
  /** The value of `.`: the question whose constraint is being checked. */
  current: Value;
  /** 1-based index of the innermost repeat instance, for position(..); 0 outside repeats. */
  position: number;
  /** Opaque to the expression language; read only by the ref evaluators the caller supplies. */
  scope: unknown;
  /** Columns of the choice being filtered, for bare names in a choice_filter. */
  choice?: Readonly<Record<string, string>>;
  /** now(): an ISO date-time; the clock's when absent. */
  now?: string;
  /** Language of jr:choice-name(); the form's default when absent. */
  language?: string;
}

export type Evaluator = (ctx: EvalContext) => Value;

export interface CompileEnv {
  /** Resolve `${name}`; throw ExpressionError(…, pos) when the name is unknown. */
  ref: (name: string, pos: number) => Evaluator;
  /** `.` is allowed (constraints). */
  allowCurrent?: boolean;
  /** position(..) is allowed (the expression sits inside a repeat). */
  inRepeat?: boolean;
  /** Bare names read columns of a choice (choice_filter). */
  bareNames?: boolean;
  /**
   * Functions that need the form: jr:choice-name() reads a question's choices, indexed-repeat()
   * walks repeat instances. Absent outside a form (they are then unknown functions).
   */
  form?: {
    choiceName: (field: string, pos: number) => (value: string, language: string | undefined) => string;
    indexedRepeat: (args: readonly Expr[], pos: number) => Evaluator;
  };
}

/** Parse and compile to a closure tree. Throws ExpressionError; never uses eval or Function. */
export function compileExpression(src: string, env: CompileEnv): Evaluator {
  return compileAst(parseExpression(src), env);
}

export function compileAst(e: Expr, env: CompileEnv): Evaluator {
  switch (e.kind) {
    case 'number': {
      const v = e.value;
      return () => v;
    }
    case 'string': {
      const v = e.value;
      return () => v;
    }
    case 'ref':
      return env.ref(e.name, e.pos);
    case 'current':
      if (!env.allowCurrent)
        throw new ExpressionError("'.' (the current answer) is only allowed in a constraint", e.pos);
      return (ctx) => ctx.current;
    case 'parent':
      throw new ExpressionError("'..' is only allowed as position(..)", e.pos);
    case 'name': {
      if (!env.bareNames)
        throw new ExpressionError(`Unknown name '${e.name}': write a reference as \${${e.name}}`, e.pos);
      const n = e.name;
      // In a choice filter `name` is the choice's value, as in the XLSForm choices sheet.
      return (ctx) => ctx.choice?.[n] ?? '';
    }
    case 'negate': {
      const a = compileAst(e.arg, env);
      return (ctx) => -toNum(a(ctx));
    }
    case 'binary':
      return binary(e.op, compileAst(e.left, env), compileAst(e.right, env));
    case 'call':
      return call(e, env);
  }
}

function binary(op: BinaryOp, l: Evaluator, r: Evaluator): Evaluator {
  switch (op) {
    case 'or':
      return (c) => toBool(l(c)) || toBool(r(c));
    case 'and':
      return (c) => toBool(l(c)) && toBool(r(c));
    case '+':
      return (c) => toNum(l(c)) + toNum(r(c));
    case '-':
      return (c) => toNum(l(c)) - toNum(r(c));
    case '*':
      return (c) => toNum(l(c)) * toNum(r(c));
    case 'div':
      return (c) => toNum(l(c)) / toNum(r(c));
    case 'mod':
      // JS % keeps the dividend's sign, as XPath's mod does (§3.5).
      return (c) => toNum(l(c)) % toNum(r(c));
    default:
      return (c) => compare(op, l(c), r(c));
  }
}

function call(e: Extract<Expr, { kind: 'call' }>, env: CompileEnv): Evaluator {
  const arity = (min: number, max: number): void => {
    if (e.args.length < min || e.args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new ExpressionError(
        `${e.name}() takes ${want} argument${want === '1' ? '' : 's'}, got ${e.args.length}`,
        e.pos,
      );
    }
  };
  switch (e.name) {
    case 'if': {
      arity(3, 3);
      const [c, a, b] = e.args.map((x) => compileAst(x, env)) as [Evaluator, Evaluator, Evaluator];
      return (ctx) => (toBool(c(ctx)) ? a(ctx) : b(ctx));
    }
    case 'today':
      arity(0, 0);
      return (ctx) => ctx.today;
    case 'position': {
      arity(1, 1);
      if (e.args[0]!.kind !== 'parent')
        throw new ExpressionError('Only position(..) is supported', e.args[0]!.pos);
      if (!env.inRepeat) throw new ExpressionError('position(..) is only meaningful inside a repeat', e.pos);
      return (ctx) => ctx.position;
    }
    case 'regex':
      return regex(e, env, arity);
    case 'now':
      arity(0, 0);
      return (ctx) => ctx.now ?? new Date().toISOString();
    case 'uuid': {
      // uuid(n): ODK's random string of n letters and digits.
      arity(0, 1);
      if (e.args.length === 0) return () => randomUuid();
      const n = compileAst(e.args[0]!, env);
      return (ctx) => randomString(Math.max(0, Math.min(1000, Math.trunc(toNum(n(ctx))) || 0)));
    }
    case 'once': {
      // ODK once(): the value already there if any, else the argument (typically once(uuid())).
      arity(1, 1);
      const a = compileAst(e.args[0]!, env);
      return (ctx) => (ctx.current !== '' && !(ctx.current instanceof NodeSet) ? ctx.current : a(ctx));
    }
    case 'jr:choice-name': {
      arity(2, 2);
      const path = e.args[1]!;
      if (!env.form) throw new ExpressionError('jr:choice-name() needs a form', e.pos);
      if (path.kind !== 'string')
        throw new ExpressionError("jr:choice-name()'s second argument is a question, as '${name}'", path.pos);
      const m = /^\s*\$\{([^}]+)\}\s*$/.exec(path.value) ?? /([^/\s]+)\s*$/.exec(path.value);
      const label = env.form.choiceName(m?.[1] ?? '', path.pos);
      const v = compileAst(e.args[0]!, env);
      return (ctx) => label(toStr(v(ctx)), ctx.language);
    }
    case 'indexed-repeat':
      if (!env.form) throw new ExpressionError('indexed-repeat() needs a form', e.pos);
      if (e.args.length < 3 || e.args.length % 2 === 0)
        throw new ExpressionError(
          'indexed-repeat() takes a question, then pairs of repeat and position',
          e.pos,
        );
      return env.form.indexedRepeat(e.args, e.pos);
  }
  const spec = FUNCTIONS.get(e.name);
  if (!spec) throw new ExpressionError(`Unknown function ${e.name}()`, e.pos);
  arity(spec.min, spec.max);
  const args = e.args.map((x) => compileAst(x, env));
  const fn = spec.fn;
  if (args.length === 1) {
    const a0 = args[0]!;
    return (ctx) => fn([a0(ctx)]);
  }
  return (ctx) => fn(args.map((a) => a(ctx)));
}

/**
 * regex(value, pattern): true when the pattern is found in the value. RE2 semantics (re2js): matching
 * takes time linear in the answer's length whatever the pattern, so an author's `^(a+)+$` cannot freeze
 * a device or the server (a backtracking engine doubles its time per character). RE2 has no
 * lookaround and no backreferences; such a pattern is a definition-time error.
 */
function regex(
  e: Extract<Expr, { kind: 'call' }>,
  env: CompileEnv,
  arity: (min: number, max: number) => void,
): Evaluator {
  arity(2, 2);
  const s = compileAst(e.args[0]!, env);
  const p = e.args[1]!;
  const RE2 = regexEngine();
  if (!RE2)
    throw new ExpressionError(
      'regex() needs the regular-expression engine, which is not loaded yet (loadRegexEngine())',
      e.pos,
    );
  const make = (src: string, pos: number): ReturnType<RegexEngine['compile']> => {
    try {
      return RE2.compile(src);
    } catch (err) {
      throw new ExpressionError(`Invalid regular expression: ${(err as Error).message}`, pos);
    }
  };
  // A literal pattern (the usual case) is compiled once, and a bad one is a definition-time error.
  if (p.kind === 'string') {
    const re = make(p.value, p.pos);
    return (ctx) => re.matcher(toStr(s(ctx))).find();
  }
  const pe = compileAst(p, env);
  return (ctx) => {
    try {
      return RE2.compile(toStr(pe(ctx)))
        .matcher(toStr(s(ctx)))
        .find();
    } catch {
      return false;
    }
  };
}

function randomUuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // Not a secure context (an http page other than localhost): version-4 layout from getRandomValues.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function randomString(n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(n));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}
