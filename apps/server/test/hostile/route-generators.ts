import fc from 'fast-check';
import type { z } from 'zod';
import { regionSetCsv } from '@tern/demography/testing';
import { quickScreening } from '@tern/forms';
import { docRecipeArb, oddIdArb, TARGETS } from './doc-recipes.ts';
import type { DocRecipe } from './doc-recipes.ts';
import { deepArb, hugeArrayArb, mutated } from './hostile-values.ts';
import { CALLERS, DEVICE, DocRef, TargetId } from './request-recipe.ts';
import type { Body, Caller, RequestRecipe } from './request-recipe.ts';
import * as S from './route-schemas.ts';
import { arbitraryFor } from './zod-arbitrary.ts';

/**
 * One generator per route of the app (`METHOD /path` as route-table.ts lists them). HEAD uses the GET
 * generator. A route listed by the app with no entry here fails the route-table test: a new route is
 * fuzzed from day one or the suite says it is not.
 */
type Part = Pick<RequestRecipe, 'params' | 'query' | 'body'>;

const missionArb = fc.oneof(
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
const idParamArb: fc.Arbitrary<string | TargetId> = fc.oneof(
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
const rawJunkArb: fc.Arbitrary<Body> = fc
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
const deepRawArb: fc.Arbitrary<Body> = deepArb.map((d) => ({ raw: d.text() }));

/** A body from a schema: shaped right, mutated in one place, junk, or deep. */
export function bodyFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  return fc.oneof(
    { arbitrary: valid.map((json) => ({ json })), weight: 3 },
    { arbitrary: mutated(valid).map((json) => ({ json })), weight: 4 },
    { arbitrary: rawJunkArb, weight: 1 },
    { arbitrary: deepRawArb, weight: 1 },
  );
}
const schemaBody = (s: z.core.$ZodType) => bodyFrom(arbitraryFor(s));
const noBody: fc.Arbitrary<Body> = fc.oneof(
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
function attachmentDocsBody(): fc.Arbitrary<Body> {
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

const formBody: fc.Arbitrary<Body> = fc.oneof(
  bodyFrom(fc.nat({ max: 1000 }).map((n) => ({ ...quickScreening, version: 100 + n }))),
  fc.constant<Body>({ raw: 'PK\u0003\u0004 not really a workbook' }),
);

/** A file's name on the attachment routes: a real-looking sha-256, or anything else. */
const digestArb = fc.oneof(
  fc.constant('a'.repeat(64)),
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.constantFrom('__proto__', '..', '%2e%2e', 'A'.repeat(64), 'a'.repeat(65)),
  fc.string({ maxLength: 80 }),
);

/** Projection ids (demography routes): well formed, or anything else. */
const demographyIdArb = fc.oneof(
  fc.stringMatching(/^[0-9a-z]{9}[0-9a-f]{16}$/),
  fc.constantFrom('__proto__', '..', 'constructor', '0'.repeat(25), 'A'.repeat(25)),
  fc.string({ maxLength: 60 }),
);
/** A real two-region data set (accepted) among generated and mutated ones. */
const datasetBody: fc.Arbitrary<Body> = fc.oneof(
  schemaBody(S.DatasetCreateRequest),
  fc
    .constant(regionSetCsv({ regions: 2, ages: 4, seed: 3, time: '2024' }))
    .map((csv): Body => ({ json: { name: 'hostile', years: 1, csv } })),
);

const p = (params: Part['params'] = {}, query = queryFrom(), body = noBody): fc.Arbitrary<Part> =>
  fc.record({ params: fc.constant(params), query, body });
const withParams = (
  params: Record<string, fc.Arbitrary<string | TargetId>>,
  query = queryFrom(),
  body = noBody,
) => fc.record({ params: fc.record(params), query, body });

/** Countries of the profile routes: KEN and UGA (the world's), anything else in capitals, junk. */
const countryArb = fc.oneof(
  { arbitrary: fc.constantFrom('KEN', 'UGA'), weight: 6 },
  {
    arbitrary: fc.constantFrom('XXX', 'ken', 'KE', '__proto__', '..', '%2e', 'KENY', 'A'.repeat(300)),
    weight: 2,
  },
  { arbitrary: fc.stringMatching(/^[A-Z]{3}$/), weight: 1 },
);
const editionArb = fc.oneof(
  fc.constantFrom('1', '2'),
  fc.constantFrom('0', '-1', '1.5', '1e3', '99999', 'x', '__proto__', '9'.repeat(40)),
);

/** Migration Profiles (issue 15): grants, the country sync door, REST reads, the public profile. */
const PROFILE_GENERATORS: Record<string, fc.Arbitrary<Part>> = {
  'GET /api/users/:username/profile-grants': withParams({
    username: fc.oneof(fc.constantFrom(...CALLERS, 'nobody', '__proto__'), fc.string({ maxLength: 70 })),
  }),
  'PUT /api/users/:username/profile-grants': withParams(
    { username: fc.oneof(fc.constantFrom(...CALLERS, 'nobody'), fc.string({ maxLength: 70 })) },
    queryFrom(),
    schemaBody(S.ProfileGrantRequest),
  ),
  // Pushed documents are the suite's record recipes (another kind of document: refused one by one);
  // apps/server/test/profiles/ pushes real profile editions, forged and hostile ones included.
  'POST /api/profiles/:country/sync': withParams({ country: countryArb }, queryFrom(), syncBody()),
  'GET /api/profiles': p(),
  'GET /api/profiles/:country/editions/:edition': withParams({ country: countryArb, edition: editionArb }),
  'GET /api/profiles/:country/editions/:edition/gaps': withParams({
    country: countryArb,
    edition: editionArb,
  }),
  'GET /api/profiles/:country/editions/:edition/preview': withParams(
    { country: countryArb, edition: editionArb },
    queryFrom(S.ProfilePreviewQuery),
  ),
  'GET /api/profiles/:country/diff': withParams({ country: countryArb }, queryFrom(S.ProfileDiffQuery)),
  'POST /api/profiles/:country/figures': withParams(
    { country: countryArb },
    queryFrom(),
    bodyFrom(
      fc.oneof(
        fc.record({
          kind: fc.constant('trafficking'),
          from: fc.integer({ min: 1890, max: 2110 }),
          to: fc.integer({ min: 1890, max: 2110 }),
          missions: fc.option(fc.array(missionArb, { maxLength: 4 }), { nil: undefined }),
        }),
        fc.record({
          kind: fc.constant('projection'),
          run: fc.oneof(fc.stringMatching(/^[0-9a-z]{9}[0-9a-f]{16}$/), fc.string({ maxLength: 40 })),
          scenario: fc.constantFrom('baseline', '', '__proto__', 'x'.repeat(80)),
          region: fc.constantFrom('KEN', 'Nairobi', '', 'constructor'),
        }),
      ),
    ),
  ),
  'GET /api/admin/profile-conflicts': p(),
  'GET /api/admin/profile-conflicts/:country/:edition': withParams({
    country: countryArb,
    edition: editionArb,
  }),
  'POST /api/admin/profile-conflicts/:country/:edition/resolve': withParams(
    { country: countryArb, edition: editionArb },
    queryFrom(),
    bodyFrom(
      fc.record({
        revs: fc.tuple(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 })),
        keep: fc.option(fc.constantFrom(0, 1, 2, -1), { nil: undefined }),
        choices: fc.option(
          fc.dictionary(
            fc.constantFrom(
              'sections.migration-trends.paragraphs[p1].text.en',
              'edition.status',
              'country',
              '__proto__',
              'values[x].value',
            ),
            fc.oneof(fc.record({ pick: fc.constantFrom(0, 1, 2) }), fc.record({ value: fc.jsonValue() })),
          ),
          { nil: undefined },
        ),
      }),
    ),
  ),
  'GET /profiles/:country': withParams({ country: countryArb }, queryFrom(S.PublicProfileQuery)),
  'GET /profiles/:country/figures.csv': withParams({ country: countryArb }, queryFrom(S.PublicProfileQuery)),
  'GET /profiles/:country/figures.xlsx': withParams({ country: countryArb }, queryFrom(S.PublicProfileQuery)),
};

const GENERATORS: Record<string, fc.Arbitrary<Part>> = {
  'GET /api/health': p(),
  'GET /api/ready': p(),
  'POST /api/auth/login': p({}, queryFrom(), schemaBody(S.LoginShape)),
  'POST /api/auth/logout': p(),
  'POST /api/auth/password': p({}, queryFrom(), schemaBody(S.PasswordChangeShape)),
  'GET /api/auth/me': p(),
  'GET /api/admin/audit': p({}, queryFrom(S.AuditQuery)),
  'POST /api/admin/forms': p({}, queryFrom(), formBody),
  'GET /api/admin/conflicts': p({}, queryFrom(S.ConflictListQuery)),
  'GET /api/admin/conflicts/:mission/:docId': withParams({ mission: missionArb, docId: idParamArb }),
  'POST /api/admin/conflicts/:mission/:docId/resolve': withParams(
    { mission: missionArb, docId: idParamArb },
    queryFrom(),
    schemaBody(S.ResolveBody),
  ),
  'GET /api/admin/matching/pairs': p({}, queryFrom(S.MatchPairsQuery)),
  'POST /api/admin/matching/decisions': p({}, queryFrom(), schemaBody(S.MatchDecisionRequest)),
  'POST /api/admin/matching/links/:id/unlink': withParams({
    id: fc.oneof(fc.constantFrom('0'.repeat(32), 'f'.repeat(32), '_design'), fc.string({ maxLength: 70 })),
  }),
  'GET /api/missions/:mission/cases/:caseId/links': withParams({ mission: missionArb, caseId: idParamArb }),
  'GET /api/users': p({}, queryFrom(S.UserListQuery)),
  'POST /api/users': p({}, queryFrom(), schemaBody(S.UserCreateShape)),
  'PATCH /api/users/:username': withParams(
    { username: fc.oneof(fc.constantFrom(...CALLERS, 'victim', 'nobody'), fc.string({ maxLength: 70 })) },
    queryFrom(),
    schemaBody(S.UserUpdateShape),
  ),
  'GET /api/missions': p(),
  'POST /api/missions': p({}, queryFrom(), schemaBody(S.MissionCreateShape)),
  'GET /api/missions/:mission/records/:id': withParams({ mission: missionArb, id: idParamArb }),
  'GET /api/missions/:mission/summary': withParams({ mission: missionArb }),
  'POST /api/missions/:mission/devices': withParams(
    { mission: missionArb },
    queryFrom(),
    schemaBody(S.DeviceRegister),
  ),
  'GET /api/missions/:mission/devices': withParams({ mission: missionArb }),
  'PATCH /api/missions/:mission/devices/:device': withParams(
    { mission: missionArb, device: fc.oneof(fc.constant(DEVICE), fc.string({ maxLength: 40 })) },
    queryFrom(),
    schemaBody(S.DeviceUpdateShape),
  ),
  'PATCH /api/missions/:mission': withParams(
    { mission: missionArb },
    queryFrom(),
    schemaBody(S.MissionUpdateShape),
  ),
  'POST /api/admin/forms/:key/retire': withParams({
    key: fc.oneof(
      fc.constantFrom('quick-screening@1', 'assistance@1', '__proto__', 'constructor', 'nope@1'),
      fc.string({ maxLength: 50 }),
    ),
  }),
  'GET /api/missions/:mission/export': withParams({ mission: missionArb }, queryFrom(S.ExportQuery)),
  'POST /api/sync/:mission': withParams({ mission: missionArb }, queryFrom(), syncBody()),
  'GET /api/forms': p(),
  'GET /api/forms/:key': withParams({
    key: fc.oneof(
      fc.constantFrom('quick-screening@1', 'screening@1', '__proto__', 'constructor'),
      fc.string({ maxLength: 50 }),
    ),
  }),
  'GET /api/research/meta': p(),
  'POST /api/research/table': p({}, queryFrom(), schemaBody(S.ResearchTableRequest)),
  'POST /api/research/series': p({}, queryFrom(), schemaBody(S.ResearchSeriesRequest)),
  'POST /api/research/flows': p({}, queryFrom(), schemaBody(S.ResearchFlowsRequest)),
  'POST /api/research/table/export': p(
    {},
    queryFrom(S.ResearchExportQuery),
    schemaBody(S.ResearchTableRequest),
  ),
  'GET /api/research/ctdc-export': p(),
  'GET /api/users/:username/research-grant': withParams({
    username: fc.oneof(fc.constantFrom(...CALLERS, 'nobody', '__proto__'), fc.string({ maxLength: 70 })),
  }),
  'PUT /api/users/:username/research-grant': withParams(
    { username: fc.oneof(fc.constantFrom(...CALLERS, 'nobody'), fc.string({ maxLength: 70 })) },
    queryFrom(),
    schemaBody(S.ResearchGrantRequest),
  ),
  'GET /api/missions/:mission/attachments/:digest': withParams({ mission: missionArb, digest: digestArb }),
  'GET /api/missions/:mission/attachments/:digest/status': withParams({
    mission: missionArb,
    digest: digestArb,
  }),
  'PUT /api/missions/:mission/attachments/:digest': withParams(
    { mission: missionArb, digest: digestArb },
    fc.oneof(
      queryFrom(),
      fc.record({
        record: fc.oneof(fc.constantFrom('sub:x', '__proto__', ''), fc.string({ maxLength: 80 })),
      }),
    ),
    fc.oneof(
      noBody,
      fc.string({ maxLength: 2_000 }).map((raw): Body => ({ raw })),
    ),
  ),
  'GET /api/demography/datasets': p(),
  'POST /api/demography/datasets': p({}, queryFrom(), datasetBody),
  'GET /api/demography/datasets/:id': withParams({ id: demographyIdArb }),
  'DELETE /api/demography/datasets/:id': withParams({ id: demographyIdArb }),
  'GET /api/demography/runs': p(),
  'POST /api/demography/runs': p({}, queryFrom(), schemaBody(S.RunCreateRequest)),
  'GET /api/demography/runs/:id': withParams({ id: demographyIdArb }),
  'DELETE /api/demography/runs/:id': withParams({ id: demographyIdArb }),
  ...PROFILE_GENERATORS,
  // The mission relay (decision 194): headquarters' account list for a relay, a relay's status page.
  'GET /api/relay/accounts': p({}, queryFrom(S.RelayAccountsQuery)),
  'GET /api/relay/status': p(),
  'POST /api/relay/sync': p(),
  'GET /relay': p(),
  'GET /couch': p(),
  'GET /couch/': p(),
  'GET /couch/:db': withParams({ db: missionArb }),
  'PUT /couch/:db': withParams({ db: missionArb }),
  'GET /couch/:db/': withParams({ db: missionArb }),
  'PUT /couch/:db/': withParams({ db: missionArb }),
  'GET /couch/:db/_local/:id': withParams({
    db: missionArb,
    id: fc.string({ minLength: 0, maxLength: 250 }),
  }),
  'PUT /couch/:db/_local/:id': withParams(
    { db: missionArb, id: fc.constantFrom('x', 'checkpoint', '_design', 'a'.repeat(250)) },
    queryFrom(),
    fc.oneof(
      schemaBody(S.LocalBody),
      fc.record({ d: deepArb }).map((json) => ({ json })),
      fc.record({ h: hugeArrayArb }).map((json) => ({ json })),
    ),
  ),
  'POST /couch/:db/_revs_diff': withParams({ db: missionArb }, queryFrom(), schemaBody(S.RevsDiffBody)),
  'POST /couch/:db/_bulk_docs': withParams(
    { db: missionArb },
    queryFrom(),
    fc.oneof({ arbitrary: bulkDocsBody(), weight: 3 }, { arbitrary: attachmentDocsBody(), weight: 1 }),
  ),
  'POST /couch/:db/_bulk_get': withParams({ db: missionArb }, queryFrom(), schemaBody(S.BulkGetBody)),
  'GET /couch/:db/_changes': withParams(
    { db: missionArb },
    fc.oneof(
      queryFrom(S.ChangesQuery),
      sinceArb.map((since) => ({ since: since ?? 'null' })),
      // Longpoll only with a short timeout: the 60 s cap itself is another suite's business.
      fc.record({
        feed: fc.constant('longpoll'),
        timeout: fc.constantFrom('0', '10', '50'),
        since: fc.constantFrom('now', '0', 'abc'),
      }),
    ),
  ),
  'GET /couch/:db/_design/*': withParams({ db: missionArb, '*': fc.string({ maxLength: 40 }) }),
  'GET /couch/:db/:id': withParams({ db: missionArb, id: idParamArb }, queryFrom(S.DocQuery)),
  'GET /couch/:db/:id/:att': withParams(
    { db: missionArb, id: idParamArb, att: digestArb },
    fc.oneof(queryFrom(), fc.record({ rev: fc.constantFrom('1-a', 'x', '0-0', '1-' + 'f'.repeat(100)) })),
  ),
};

/** Content types and headers sent with every generated request. */
const contentTypeArb: fc.Arbitrary<string | null | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      null,
      'text/plain',
      'application/json; charset=utf-16',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'multipart/related; boundary=x',
    ),
    weight: 2,
  },
);
const headersArb: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    origin: fc.constantFrom('https://evil.example', 'null'),
    'x-pad': fc.integer({ min: 1, max: 8_000 }).map((n) => 'p'.repeat(n)),
    cookie: fc.constantFrom('tern_session=forged', 'a=' + 'b'.repeat(4000)),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity'),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'x'.repeat(300)),
  },
  { requiredKeys: [] },
);

export function routeKeys(): string[] {
  return Object.keys(GENERATORS);
}

/** The generator of a route (`HEAD` uses its GET), or undefined when there is none. */
export function generatorFor(route: string): fc.Arbitrary<RequestRecipe> | undefined {
  const [method, path] = route.split(' ') as [string, string];
  const part = GENERATORS[route] ?? (method === 'HEAD' ? GENERATORS[`GET ${path}`] : undefined);
  if (!part) return undefined;
  return fc
    .record({ part, caller: fc.constantFrom(...CALLERS), contentType: contentTypeArb, headers: headersArb })
    .map(({ part: x, caller, contentType, headers }) => ({
      route,
      caller,
      ...x,
      ...(contentType === undefined ? {} : { contentType }),
      headers,
    }));
}

/** A recipe for one route with a fixed part (for the focused properties). */
export function recipeFor(
  route: string,
  part: fc.Arbitrary<Part>,
  callers: readonly Caller[] | fc.Arbitrary<Caller> = CALLERS,
): fc.Arbitrary<RequestRecipe> {
  const caller = Array.isArray(callers)
    ? fc.constantFrom(...(callers as Caller[]))
    : (callers as fc.Arbitrary<Caller>);
  return fc.record({ part, caller }).map(({ part: x, caller }) => ({ route, caller, ...x, headers: {} }));
}
export { withParams, missionArb };
