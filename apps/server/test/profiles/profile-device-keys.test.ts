import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../fixtures.ts';
import { profileApp } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

// Decision 186: profile drafts on a device are sealed with a country key handed at login to the
// accounts holding a role on that country, and to no one else.
describe('profile device keys at login', () => {
  let t: ProfileApp;
  beforeAll(async () => {
    t = await profileApp();
  });
  afterAll(async () => t.close());

  const login = async (username: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { profileKeys: Record<string, string>; deviceKeys: Record<string, string> };
  };

  it('hands each account the keys of exactly its granted countries, the same key for one country', async () => {
    const national = await login('national');
    const reviewer = await login('reviewer');
    const ugandan = await login('ugandan');
    const outsider = await login('outsider');
    expect(Object.keys(national.profileKeys)).toEqual(['KEN']);
    expect(Object.keys(ugandan.profileKeys).sort()).toEqual(['KEN', 'UGA']);
    expect(outsider.profileKeys).toEqual({});
    // The national team and the reviewer of Kenya share its drafts on a device: one key.
    expect(reviewer.profileKeys.KEN).toBe(national.profileKeys.KEN);
    expect(ugandan.profileKeys.UGA).not.toBe(ugandan.profileKeys.KEN);
    expect(Buffer.from(national.profileKeys.KEN!, 'base64')).toHaveLength(32);
    // Not a mission key: the mission list is not changed by it.
    expect(Object.values(national.deviceKeys)).not.toContain(national.profileKeys.KEN);
  });

  it('gives the same key on a second login (drafts sealed before stay readable)', async () => {
    expect((await login('national')).profileKeys.KEN).toBe((await login('national')).profileKeys.KEN);
  });
});
