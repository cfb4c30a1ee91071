import { afterAll, beforeAll, describe, it } from 'vitest';
import type { DocRecipe } from './doc-recipes.ts';
import { HostileHarness } from './hostile-harness.ts';
import { Deep } from './hostile-values.ts';
import { DEVICE, DocRef } from './request-recipe.ts';
import type { Caller, RequestRecipe } from './request-recipe.ts';

/**
 * The attacks of issue 11 found on main, each as a fixed request through the hostile harness (the same
 * oracles as the generated properties), so they run whatever the seed. Named after what broke.
 */
const harness = new HostileHarness();
beforeAll(() => harness.start(), 60_000);
afterAll(() => harness.stop());

const doc = (over: Partial<DocRecipe>): DocRef =>
  new DocRef({
    target: 'new',
    history: 'edit',
    deleted: false,
    body: 'keep',
    answers: { full_name: 'Known Attack', interview_date: '2026-11-20' },
    review: 'none',
    extras: [],
    ...over,
  });
const bulk = (docs: DocRef[], newEdits?: boolean, caller: Caller = 'interviewer'): RequestRecipe => ({
  route: 'POST /couch/:db/_bulk_docs',
  caller,
  params: { db: 'demo' },
  query: {},
  body: { json: { docs, ...(newEdits === undefined ? {} : { new_edits: newEdits }) } },
  headers: {},
});
const sync = (docs: DocRef[], since: string | null = null): RequestRecipe => ({
  route: 'POST /api/sync/:mission',
  caller: 'interviewer',
  params: { mission: 'demo' },
  query: {},
  body: { json: { protocol: 1, device: DEVICE, docs, since, pullLimit: 10 } },
  headers: {},
});
const deep = (depth = 6_000): [string, unknown] => ['deep', new Deep(depth, 'object')];

const ATTACKS: Array<[string, RequestRecipe]> = [
  [
    'a 6,000-level body to PUT /couch/:db/_local/x ended the process',
    {
      route: 'PUT /couch/:db/_local/:id',
      caller: 'interviewer',
      params: { db: 'demo', id: 'x' },
      query: {},
      body: { json: { x: new Deep(6_000, 'object') } },
      headers: {},
    },
  ],
  [
    '_bulk_docs new_edits:false with a valid record plus a deep field',
    bulk([doc({ history: 'truncated', extras: [deep()] })], false),
  ],
  [
    '_bulk_docs new_edits:false with a tombstone carrying a deep field',
    bulk([doc({ target: 'own', history: 'truncated', deleted: true, extras: [deep()] })], false),
  ],
  [
    'compact sync with _revisions {start:7, ids:[one id]} plus a deep field',
    sync([doc({ history: 'truncated', extras: [deep()] })]),
  ],
  [
    'compact sync with _attachments answered 500 for the whole batch',
    sync([
      doc({ extras: [['_attachments', { 'a.txt': { content_type: 'text/plain', data: 'aGk=' } }]] }),
      doc({}),
    ]),
  ],
  [
    'compact sync with _foo answered 500 for the whole batch',
    sync([doc({ extras: [['_foo', 1]] }), doc({})]),
  ],
  [
    'compact sync with _purged answered 500 for the whole batch',
    sync([doc({ extras: [['_purged', true]] }), doc({})]),
  ],
  [
    'a revision 999-fff… with a one-id history became the winner over the real record',
    bulk([doc({ target: 'others', history: 'forged-999' })], false),
  ],
  [
    'a hash-correct history of made-up ancestors became the winner through the compact door',
    sync([doc({ target: 'others', history: 'disconnected' })]),
  ],
  [
    '_deleted:true in default edit mode deleted an approved record',
    bulk([doc({ target: 'approved', history: 'same-rev', deleted: true })]),
  ],
  [
    'an interviewer deleted a record of another account',
    sync([doc({ target: 'others', history: 'edit', deleted: true })]),
  ],
  [
    'an interviewer changed the answers of an approved record and it stayed approved',
    bulk([doc({ target: 'approved', history: 'same-rev', body: 'new-answers' })]),
  ],
  ['since "abc" was echoed back as the checkpoint', sync([], 'abc')],
  ['since "NaN" was echoed back as the checkpoint', sync([], 'NaN')],
  ['since \'{"a":1}\' was echoed back as the checkpoint', sync([], '{"a":1}')],
  [
    'GET /api/admin/conflicts/:mission/_changes answered 500',
    {
      route: 'GET /api/admin/conflicts/:mission/:docId',
      caller: 'admin',
      params: { mission: 'demo', docId: '_changes' },
      query: {},
      body: { none: true },
      headers: {},
    },
  ],
];

describe('hostile input: the attacks found on main (issue 11)', () => {
  for (const [name, recipe] of ATTACKS) it(name, () => harness.check(recipe), 30_000);
});
