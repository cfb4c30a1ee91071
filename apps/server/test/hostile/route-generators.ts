import fc from 'fast-check';
import {
  attachmentDocsBody,
  bulkDocsBody,
  bodyFrom,
  datasetBody,
  demographyIdArb,
  digestArb,
  docsArb,
  formBody,
  idParamArb,
  missionArb,
  noBody,
  p,
  queryFrom,
  schemaBody,
  sinceArb,
  syncBody,
  withParams,
} from './generator-parts.ts';
import type { Part } from './generator-parts.ts';
import { deepArb, hugeArrayArb } from './hostile-values.ts';
import { CALLERS, DEVICE } from './request-recipe.ts';
import type { Body, Caller, RequestRecipe } from './request-recipe.ts';
import { PROFILE_GENERATORS } from './profile-route-generators.ts';
import * as S from './route-schemas.ts';

/**
 * One generator per route of the app (`METHOD /path` as route-table.ts lists them). HEAD uses the GET
 * generator. A route listed by the app with no entry here fails the route-table test: a new route is
 * fuzzed from day one or the suite says it is not.
 */
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
    // A relay resumes a file read with a part (decision 230): malformed and unsatisfiable ones too.
    range: fc.oneof(
      fc.constantFrom(
        'bytes=0-',
        'bytes=0-0',
        'bytes=5-1',
        'bytes=-5',
        'bytes=0-1,2-3',
        'bytes=999999999999999-',
      ),
      fc.stringMatching(/^bytes=[0-9a-z ,=-]{0,40}$|^[!-~]{1,300}$/),
    ),
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
export { bodyFrom, bulkDocsBody, docsArb, missionArb, queryFrom, sinceArb, syncBody, withParams };
