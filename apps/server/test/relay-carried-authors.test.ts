import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDoc } from '@tern/sync';
import { PASSWORD, bearer, edit, submission, testApp, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * Decision 194: headquarters checks every write a relay carries as the account the write names, never
 * as the relay. A hostile relay account (it holds the verifiers, it can forge any body) gets no more
 * than a mission member's rights, in its own missions only, and never the passwords' verifiers of
 * another mission.
 */
let t: TestApp;
let relay: string;

beforeAll(async () => {
  t = await testApp(['admin', 'data_officer', 'interviewer']);
  await t.accounts.create(
    { username: 'relay-a', password: PASSWORD, role: 'relay', missions: ['demo'] },
    'test',
  );
  await t.accounts.create(
    { username: 'iv-other', password: PASSWORD, role: 'interviewer', missions: ['other'] },
    'test',
  );
  await t.accounts.create(
    { username: 'iv-gone', password: PASSWORD, role: 'interviewer', missions: ['demo'] },
    'test',
  );
  await t.accounts.update('iv-gone', { disabled: true });
  relay = await t.login('relay-a');
});
afterAll(() => t.close());

async function carry(docs: WireDoc[], mission = 'demo', token = relay) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/couch/${mission}/_bulk_docs`,
    ...bearer(token),
    payload: { docs, new_edits: false },
  });
  return {
    status: res.statusCode,
    failures: res.json() as Array<{ id: string; error: string; reason: string }>,
  };
}

const stored = async (id: string) => (await t.store.mission('demo').get(id)) !== undefined;
const by = (name: string) => ({ createdBy: name, updatedBy: name });
const approval = (name: string) => ({
  review: { state: 'approved', by: name, at: '2026-12-03T03:00:00.000Z' },
});

describe('a relay carries writes, headquarters checks each as its author', () => {
  it('stores a member interviewer’s record and an officer’s approval', async () => {
    const rec = submission('demo', validAnswers('Carried'));
    const approved = edit(submission('demo', validAnswers('Approved')), { ...approval('data_officer') });
    const r = await carry([rec, approved]);
    expect(r).toEqual({ status: 201, failures: [] });
    expect(await stored(rec._id)).toBe(true);
    expect(await stored(approved._id)).toBe(true);
  });

  it.each([
    [
      'an account headquarters does not know',
      by('ghost'),
      'TERN_RELAY_AUTHOR_REFUSED',
      'no account named "ghost"',
    ],
    [
      'a member of another mission',
      by('iv-other'),
      'TERN_RELAY_AUTHOR_REFUSED',
      'does not work in mission "demo"',
    ],
    ['a disabled account', by('iv-gone'), 'TERN_RELAY_AUTHOR_REFUSED', 'is disabled'],
    [
      'an approval in an interviewer’s name',
      approval('interviewer'),
      'TERN_REVIEW_FORBIDDEN',
      'data officer',
    ],
    [
      'an approval in an unknown name',
      approval('ghost'),
      'TERN_RELAY_AUTHOR_REFUSED',
      'no account named "ghost"',
    ],
  ])('refuses a record naming %s, and stores nothing of it', async (_what, change, code, words) => {
    const doc = edit(submission('demo', validAnswers('Forged')), change);
    const r = await carry([doc]);
    expect(r.status).toBe(201);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ id: doc._id, error: 'forbidden' });
    expect(r.failures[0]!.reason).toContain(code);
    expect(r.failures[0]!.reason).toContain(words);
    expect(await stored(doc._id)).toBe(false);
  });

  it('checks a record that names no author (older records) as an interviewer of the mission', async () => {
    const { createdBy: _c, ...anonymous } = submission('demo', validAnswers('Anonymous'));
    const doc = edit(anonymous as WireDoc, {});
    expect((await carry([doc])).failures).toEqual([]);
    // As an interviewer, not as the relay: an approval it carries without a named officer is refused.
    const approved = edit(anonymous as WireDoc, approval('interviewer'));
    expect((await carry([approved])).failures[0]!.reason).toContain('TERN_REVIEW_FORBIDDEN');
  });

  it('refuses a deletion in an interviewer’s name, and one that names nobody', async () => {
    const doc = submission('demo', validAnswers('Kept'));
    expect((await carry([doc])).failures).toEqual([]);
    const deletion = (who: unknown) => {
      const d = edit(doc, {});
      const { _id, _rev, _revisions } = d;
      return {
        _id,
        _rev,
        _revisions,
        _deleted: true,
        mission: 'demo',
        deletion: { by: who, at: '2026-12-03T03:00:00.000Z', reason: 'duplicate' },
      } as WireDoc;
    };
    const asInterviewer = await carry([deletion('interviewer')]);
    expect(asInterviewer.failures[0]!.reason).toContain('TERN_DELETE_FORBIDDEN');
    const asNobody = await carry([deletion(42)]);
    expect(asNobody.failures[0]!.reason).toMatch(/TERN_(RELAY_AUTHOR_REFUSED|DOC_INVALID)/);
    expect((await t.store.mission('demo').get(doc._id))?._deleted).toBeFalsy();
    // In an officer's name the deletion goes through: the officer may delete, with a reason.
    expect((await carry([deletion('data_officer')])).failures).toEqual([]);
  });

  it('checks an interactive edit (new_edits:true) by a relay the same way', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      ...bearer(relay),
      payload: {
        docs: [
          {
            ...submission('demo', validAnswers('Edit')),
            _rev: undefined,
            _revisions: undefined,
            updatedBy: 'ghost',
          },
        ],
      },
    });
    const [r] = res.json() as Array<{ error?: string; reason?: string }>;
    expect(r).toMatchObject({ error: 'forbidden' });
    expect(r!.reason).toContain('TERN_RELAY_AUTHOR_REFUSED');
  });

  it('keeps a relay to its missions and out of the app’s own sync door', async () => {
    const other = await carry([submission('other', validAnswers('Elsewhere'))], 'other');
    expect(other.status).toBe(403);
    const sync = await t.app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      ...bearer(relay),
      payload: { protocol: 1, device: 'dev-relay', docs: [], since: null, pullLimit: 10 },
    });
    expect(sync.statusCode).toBe(403);
  });
});

describe('GET /api/relay/accounts', () => {
  it('gives a relay its mission’s field accounts with verifiers, nothing of other missions', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/relay/accounts?mission=demo',
      ...bearer(relay),
    });
    expect(res.statusCode).toBe(200);
    const { accounts } = res.json() as {
      accounts: Array<{ username: string; missions: string[]; passwordHash: string; disabled: boolean }>;
    };
    expect(accounts.map((a) => a.username).sort()).toEqual(['data_officer', 'interviewer', 'iv-gone']);
    for (const a of accounts) {
      expect(a.passwordHash).toMatch(/^scrypt\$/);
      expect(a.missions).toEqual(['demo']);
    }
    expect(accounts.find((a) => a.username === 'iv-gone')!.disabled).toBe(true);
    expect(JSON.stringify(accounts)).not.toContain(PASSWORD);
  });

  it('refuses another mission, an admin, a data officer, and a bad query in words', async () => {
    const ask = async (token: string, q: string) =>
      t.app.inject({ method: 'GET', url: `/api/relay/accounts${q}`, ...bearer(token) });
    expect((await ask(relay, '?mission=other')).statusCode).toBe(403);
    expect((await ask(await t.login('admin'), '?mission=demo')).statusCode).toBe(403);
    expect((await ask(await t.login('data_officer'), '?mission=demo')).statusCode).toBe(403);
    const bad = await ask(relay, '');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'TERN_BAD_REQUEST' });
    expect((await t.app.inject({ method: 'GET', url: '/api/relay/accounts?mission=demo' })).statusCode).toBe(
      401,
    );
  });

  it('answers 404 on the status routes of a server that is not a relay', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/relay/status',
      ...bearer(await t.login('data_officer')),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'TERN_NOT_FOUND' });
  });
});
