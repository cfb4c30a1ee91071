import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 4: `PATCH /api/users/<name>` from any account answered 404 for unknown names and
 * 403 naming the account's mission for real ones, so any interviewer could list usernames and where
 * they work. Now the actor's right is settled first, and an account the actor cannot manage reads
 * exactly like one that does not exist.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer', 'admin']);
  await t.accounts.create(
    { username: 'iv-other', password: PASSWORD, role: 'interviewer', missions: ['other'] },
    'test',
  );
});
afterAll(async () => t.close());

async function patch(token: string, username: string) {
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/users/${username}`,
    payload: { disabled: true },
    ...bearer(token),
  });
  return { status: res.statusCode, body: res.body.split(username).join('<name>') };
}

describe('PATCH /api/users/:username answers the same for unknown and foreign accounts', () => {
  it('an interviewer gets the same 403 for a real account and a made-up one', async () => {
    const token = await t.login('interviewer');
    const real = await patch(token, 'iv-other');
    const unknown = await patch(token, 'nobody-here');
    expect(real.status).toBe(403);
    expect(unknown).toEqual(real);
    expect(real.body).not.toContain('other"');
  });

  it('a data officer gets the same 404 for an account of another mission and a made-up one', async () => {
    const token = await t.login('data_officer');
    const foreign = await patch(token, 'iv-other');
    const unknown = await patch(token, 'nobody-here');
    expect(foreign.status).toBe(404);
    expect(unknown).toEqual(foreign);
    expect((await t.accounts.get('iv-other'))!.disabled).toBe(false);
  });

  it('an admin still learns that an account does not exist', async () => {
    expect((await patch(await t.login('admin'), 'nobody-here')).status).toBe(404);
  });
});
