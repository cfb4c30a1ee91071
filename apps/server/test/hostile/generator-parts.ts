// The pieces the route generators are built from (route-generators.ts, profile-route-generators.ts):
// parameters, queries and bodies, each valid, mutated or junk.
import fc from 'fast-check';
import type { z } from 'zod';
import { regionSetCsv } from '@tern/demography/testing';
import { quickScreening } from '@tern/forms';
import { docRecipeArb, oddIdArb, TARGETS } from './doc-recipes.ts';
import type { DocRecipe } from './doc-recipes.ts';
import { deepArb, mutated } from './hostile-values.ts';
import { DEVICE, DocRef, TargetId } from './request-recipe.ts';
import type { Body, RequestRecipe } from './request-recipe.ts';
import * as S from './route-schemas.ts';
import { arbitraryFor } from './zod-arbitrary.ts';

export type Part = Pick<RequestRecipe, 'params' | 'query' | 'body'>;

export const missionArb = fc.oneof(
  { arbitrary: fc.constantFrom('demo', 'other'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      'nope',
      '_users',
      '_replicator',
      'DEMO',
      '..',
      '%',
      'a'.repeat(300),
      'démo',
      '',
    ),
    weight: 2,
  },
);
export const idParamArb: fc.Arbitrary<string | TargetId> = fc.oneof(
  fc.constantFrom(...TARGETS.filter((t) => t !== 'new')).map((t) => new TargetId(t)),
  oddIdArb,
);
/** Compact-door checkpoints: good ones, and the malformed ones found echoed back on main. */
export const sinceArb: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.nat({ max: 40 }).map(String),
  fc.constantFrom(
    'abc',
    // Another epoch's checkpoint (from before a restore, decision 152) and a torn one.
    'AAAAAAAAAAAAAAAA@1',
    '@1',
    'NaN',
    '{"a":1}',
    '-1',
    '1e3',
    '',
    ' 1',
    '0x10',
    'now',
    'Infinity',
    '9'.repeat(200),
    'x'.repeat(200),
    '١٢',
  ),
);
/** Bodies that are not what the route parses: junk text, prototype keys, several values. */
export const rawJunkArb: fc.Arbitrary<Body> = fc
  .constantFrom(
    '',
    '{',
    'null',
    '[]',
    '"x"',
    '{"a":1}{"b":2}',
    '\u0000',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    'true',
  )
  .map((raw) => ({ raw }));
export const deepRawArb: fc.Arbitrary<Body> = deepArb.map((d) => ({ raw: d.text() }));

/** A body from a schema: shaped right, mutated in one place, junk, or deep. */
export function bodyFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  return fc.oneof(
    { arbitrary: valid.map((json) => ({ json })), weight: 3 },
    { arbitrary: mutated(valid).map((json) => ({ json })), weight: 4 },
    { arbitrary: rawJunkArb, weight: 1 },
    { arbitrary: deepRawArb, weight: 1 },
  );
}
export const schemaBody = (s: z.core.$ZodType) => bodyFrom(arbitraryFor(s));
export const noBody: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: fc.constant<Body>({ none: true }), weight: 4 },
  { arbitrary: rawJunkArb, weight: 1 },
);

/** A query from a schema (values as strings), mutated, or a raw malformed query string. */
export function queryFrom(s?: z.core.$ZodType): fc.Arbitrary<RequestRecipe['query']> {
  const valid = s
    ? arbitraryFor(s).map((v) =>
        Object.fromEntries(
          Object.entries((v ?? {}) as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .map(([k, x]) => [k, String(x)]),
        ),
      )
    : fc.constant({});
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    {
      arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(
        'a=%ZZ',
        '&&==',
        'since[]=1&since[]=2',
        '__proto__[x]=1',
        'limit=-1',
        'x'.repeat(4000),
      ),
      weight: 1,
    },
  );
}

/** Pushed documents for either door. */
export const docsArb = (opts?: Parameters<typeof docRecipeArb>[0]) =>
  fc.array(
    docRecipeArb({ oddIds: 0.2, ...opts }).map((r: DocRecipe) => new DocRef(r)),
    { minLength: 1, maxLength: 3 },
  );

/** A compact-sync body around these documents; `mutate` adds schema-generated and mutated bodies. */
export function syncBody(docs = docsArb(), since = sinceArb, mutate = true): fc.Arbitrary<Body> {
  const valid = fc
    .record({
      protocol: fc.constant(1),
      device: fc.constant(DEVICE),
      docs,
      since,
      pullLimit: fc.integer({ min: 0, max: 50 }),
    })
    .map((json): Body => ({ json }));
  return mutate
    ? fc.oneof(
        { arbitrary: valid, weight: 4 },
        { arbitrary: bodyFrom(arbitraryFor(S.SyncRequestShape)), weight: 1 },
      )
    : valid;
}

export function bulkDocsBody(docs = docsArb()): fc.Arbitrary<Body> {
  const valid = fc.record({ docs, new_edits: fc.boolean() }, { requiredKeys: ['docs'] });
  return fc.oneof(
    { arbitrary: valid.map((json) => ({ json })), weight: 4 },
    { arbitrary: mutated(valid).map((json) => ({ json })), weight: 1 },
  );
}

/**
 * `_bulk_docs` with records carrying `_attachments` (decision 168): base64 of bytes a record names
 * or does not, text that is no base64, stubs, wrong shapes, many entries, odd names.
 */
export function attachmentDocsBody(): fc.Arbitrary<Body> {
  const bytes = fc.uint8Array({ maxLength: 64 });
  const att = fc.oneof(
    fc.record({
      content_type: fc.constantFrom('image/jpeg', ''),
      data: bytes.map((b) => Buffer.from(b).toString('base64')),
    }),
    fc.record({ stub: fc.constant(true), digest: fc.string({ maxLength: 20 }) }),
    fc.record({ data: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)) }),
    fc.constantFrom(null, 'x', 7, [], { data: 'A'.repeat(4 * 1024) }),
  );
  const atts = fc.oneof(
    fc.dictionary(fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 70 })), att, {
      maxKeys: 4,
    }),
    fc.constantFrom(null, 'x', [], 1),
  );
  const doc = fc.record({
    _id: fc.oneof(fc.stringMatching(/^sub:01J[0-9A-HJKMNP-TV-Z]{23}$/), fc.string({ maxLength: 30 })),
    type: fc.constant('submission'),
    form: fc.constant('quick-screening@1'),
    answers: fc.record({
      full_name: fc.constant('A'),
      photo: fc.record({
        digest: fc.stringMatching(/^[0-9a-f]{64}$/),
        mediaType: fc.constant('image/jpeg'),
        size: fc.nat({ max: 100 }),
        name: fc.constant('a.jpg'),
      }),
    }),
    _attachments: atts,
  });
  return fc
    .record({ docs: fc.array(doc, { minLength: 1, maxLength: 3 }), new_edits: fc.boolean() })
    .map((json) => ({ json }));
}

export const formBody: fc.Arbitrary<Body> = fc.oneof(
  bodyFrom(fc.nat({ max: 1000 }).map((n) => ({ ...quickScreening, version: 100 + n }))),
  fc.constant<Body>({ raw: 'PK\u0003\u0004 not really a workbook' }),
);

/** A file's name on the attachment routes: a real-looking sha-256, or anything else. */
export const digestArb = fc.oneof(
  fc.constant('a'.repeat(64)),
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.constantFrom('__proto__', '..', '%2e%2e', 'A'.repeat(64), 'a'.repeat(65)),
  fc.string({ maxLength: 80 }),
);

/** Projection ids (demography routes): well formed, or anything else. */
export const demographyIdArb = fc.oneof(
  fc.stringMatching(/^[0-9a-z]{9}[0-9a-f]{16}$/),
  fc.constantFrom('__proto__', '..', 'constructor', '0'.repeat(25), 'A'.repeat(25)),
  fc.string({ maxLength: 60 }),
);
/** A real two-region data set (accepted) among generated and mutated ones. */
export const datasetBody: fc.Arbitrary<Body> = fc.oneof(
  schemaBody(S.DatasetCreateRequest),
  fc
    .constant(regionSetCsv({ regions: 2, ages: 4, seed: 3, time: '2024' }))
    .map((csv): Body => ({ json: { name: 'hostile', years: 1, csv } })),
);

export const p = (params: Part['params'] = {}, query = queryFrom(), body = noBody): fc.Arbitrary<Part> =>
  fc.record({ params: fc.constant(params), query, body });
export const withParams = (
  params: Record<string, fc.Arbitrary<string | TargetId>>,
  query = queryFrom(),
  body = noBody,
) => fc.record({ params: fc.record(params), query, body });
