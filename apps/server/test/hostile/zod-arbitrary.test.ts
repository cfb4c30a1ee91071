import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseBody } from '@tern/cases';
import { arbitraryFor } from './zod-arbitrary.ts';
import * as S from './route-schemas.ts';
import { Deep, HugeArray, replaceAt, toJsonText } from './hostile-values.ts';

/** The generic zod → fast-check walker: its values must pass the schema they came from. */
describe('arbitraryFor', () => {
  // Schemas without refinements the walker cannot invert (custom checks): every value must parse.
  // (AuditQuery left the list when its dates gained a real-calendar-date refinement: decision 163.)
  // Core types: CaseBody is on zod's mini API (decision 222), the request shapes on the classic one.
  const exact: Array<[string, z.core.$ZodType]> = [
    ['CaseBody (@tern/cases)', CaseBody],
    ['LoginShape', S.LoginShape],
    ['UserCreateShape', S.UserCreateShape],
    ['UserUpdateShape', S.UserUpdateShape],
    ['MissionCreateShape', S.MissionCreateShape],
    ['ResolveBody', S.ResolveBody],
    ['DeviceRegister', S.DeviceRegister],
    ['ExportQuery', S.ExportQuery],
    ['BulkGetBody', S.BulkGetBody],
    ['RevsDiffBody', S.RevsDiffBody],
    ['ChangesQuery', S.ChangesQuery],
    [
      'all the kinds',
      z.object({
        lit: z.literal('x'),
        e: z.enum(['a', 'b']),
        n: z.number().int().min(3).max(9),
        d: z.number().gt(0).lt(1),
        s: z.string().min(2).max(5),
        re: z.string().regex(/^dev-[0-9A-Z]{4}$/),
        iso: z.iso.datetime(),
        pre: z.string().startsWith('audit:'),
        opt: z.string().optional(),
        nul: z.boolean().nullable(),
        def: z.number().default(1),
        arr: z.array(z.string()).min(1).max(3),
        tup: z.tuple([z.number(), z.string()]),
        rec: z.record(z.string().min(1), z.number()),
        uni: z.union([z.object({ a: z.literal(1) }), z.object({ b: z.string() })]),
        pipe: z
          .string()
          .regex(/^[0-9]+$/)
          .transform(Number),
        coerced: z.coerce.number().int().min(1).max(5),
      }),
    ],
  ];
  for (const [name, schema] of exact) {
    it(`generates values ${name} accepts`, () => {
      fc.assert(
        fc.property(arbitraryFor(schema), (v) => {
          const r = z.safeParse(schema, v);
          if (!r.success) throw new Error(`${name}: ${JSON.stringify(v)}: ${r.error.issues[0]!.message}`);
        }),
        { numRuns: 60, seed: 1 },
      );
    });
  }

  it('refuses a zod kind it has no generator for, instead of fuzzing nothing', () => {
    expect(() => arbitraryFor(z.bigint())).toThrow(/bigint has no generator/);
  });
});

describe('hostile values', () => {
  it('sends 10,000 levels as text without building them', () => {
    const text = toJsonText({ a: [new Deep(10_000, 'object')], h: new HugeArray(3, 'zero') });
    expect(text.length).toBe('{"a":['.length + 10_000 * 6 + 1 + '],"h":[0,0,0]}'.length);
    expect(text.startsWith('{"a":[{"a":{"a":')).toBe(true);
    expect(text.endsWith('}}],"h":[0,0,0]}')).toBe(true);
  });

  it('replaces one node, or adds a key past the last one', () => {
    // Preorder: 0 is the whole value, 1 is `a`, 2 is `b`, 3 is `b[0]`.
    expect(replaceAt({ a: 1, b: [2] }, 1, 'X')).toEqual({ a: 'X', b: [2] });
    expect(replaceAt({ a: 1, b: [2] }, 3, 'X')).toEqual({ a: 1, b: ['X'] });
    expect(replaceAt({ a: 1 }, 9, 'X', '_foo')).toEqual({ a: 1, _foo: 'X' });
  });
});
