import fc from 'fast-check';
import type { z } from 'zod';

/**
 * A fast-check arbitrary of values a zod 4 schema describes, by walking `schema._zod.def`. Generic on
 * purpose: the hostile suite feeds it whatever schema a route parses its body or query with, so when the
 * schemas move (packages/api) only the import site changes. Refinements (`refine`, `superRefine`) are not
 * inverted: the values are "shaped right", which is what a fuzzer wants to start mutating from.
 * Throws on a schema kind it does not know, so a new kind is noticed rather than silently not fuzzed.
 */
export function arbitraryFor(schema: z.core.$ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'string':
      return stringArb(def);
    case 'number':
      return numberArb(def);
    case 'int':
      return numberArb(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'never':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'array': {
      const { min, max } = lengths(def);
      return fc.array(arbitraryFor(def.element!, depth + 1), {
        minLength: min,
        maxLength: Math.min(max, min + 4),
      });
    }
    case 'tuple':
      return fc.tuple(...def.items!.map((i) => arbitraryFor(i, depth + 1)));
    case 'object':
      return objectArb(def, depth);
    case 'record':
      return fc.dictionary(
        arbitraryFor(def.keyType!, depth + 1) as fc.Arbitrary<string>,
        arbitraryFor(def.valueType!, depth + 1),
        { maxKeys: 4 },
      );
    case 'union':
      return fc.oneof(...def.options!.map((o) => arbitraryFor(o, depth + 1)));
    case 'intersection':
      return arbitraryFor(def.left!, depth + 1);
    case 'optional':
      return fc.option(arbitraryFor(def.innerType!, depth), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType!, depth), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return arbitraryFor(def.innerType!, depth);
    case 'pipe':
      // The input side: a transform's output is the route's business, the wire carries the input.
      return arbitraryFor(def.in!, depth);
    case 'lazy':
      return depth > 3 ? fc.constant(null) : arbitraryFor(def.getter!(), depth + 1);
    default:
      throw new Error(`arbitraryFor: zod type ${def.type} has no generator yet`);
  }
}

interface Check {
  check: string;
  value?: unknown;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  prefix?: string;
  suffix?: string;
  includes?: string;
  length?: number;
}
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Check } }>;
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
  values?: unknown[];
  entries?: Record<string, unknown>;
  element?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  keyType?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  left?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
}

const checksOf = (def: Def): Check[] => [
  ...(def.format ? [{ check: 'string_format', format: def.format, pattern: def.pattern } as Check] : []),
  ...(def.checks ?? []).map((c) => c._zod.def),
];

function lengths(def: Def): { min: number; max: number } {
  let min = 0;
  let max = 40;
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum ?? 0);
    if (c.check === 'max_length') max = Math.min(max, c.maximum ?? max);
    if (c.check === 'length_equals') [min, max] = [c.length ?? 0, c.length ?? 0];
  }
  return { min, max: Math.max(min, max) };
}

function stringArb(def: Def): fc.Arbitrary<string> {
  const { min, max } = lengths(def);
  const fits = (s: string) => s.length >= min && s.length <= max;
  for (const c of checksOf(def)) {
    if (c.check !== 'string_format') continue;
    if (c.format === 'datetime')
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    if (c.format === 'starts_with')
      return fc.string({ maxLength: Math.max(0, max - c.prefix!.length) }).map((s) => c.prefix! + s);
    if (c.pattern) return fc.stringMatching(c.pattern).filter(fits);
  }
  return fc.string({ minLength: min, maxLength: Math.min(max, min + 24) });
}

function numberArb(def: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let int = def.type === 'int';
  for (const c of checksOf(def)) {
    if (c.check === 'greater_than') min = Number(c.value) + (c.inclusive ? 0 : int ? 1 : 1e-6);
    if (c.check === 'less_than') max = Number(c.value) - (c.inclusive ? 0 : int ? 1 : 1e-6);
    if (c.check === 'number_format' && /int/.test(c.format ?? '')) int = true;
  }
  return int
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArb(def: Def, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required: string[] = [];
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const t = (field._zod.def as unknown as Def).type;
    const optional = t === 'optional' || t === 'default' || t === 'prefault';
    fields[key] = optional
      ? arbitraryFor((field._zod.def as unknown as Def).innerType!, depth + 1)
      : arbitraryFor(field, depth + 1);
    if (!optional) required.push(key);
  }
  return fc.record(fields, { requiredKeys: required });
}
