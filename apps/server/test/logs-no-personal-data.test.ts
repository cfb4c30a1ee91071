import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_REDACT } from '../src/app.ts';
import { PASSWORD, bearer, edit, submission, testApp } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * Regression guard: the server log (pino, at its most verbose level) never holds a password, a token
 * or a personal answer, through a full sync and the other routes that touch records.
 */
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});

const SECRET_NAME = 'Zainab Qurayshi-Okonkwo';
const SECRET_NOTE = 'escaped from the farm near the river crossing';
const WRONG_PASSWORD = 'hunter2-wrong-password';
let t: TestApp;

beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer'], {
    logger: { level: 'trace', stream: sink, redact: LOG_REDACT },
  });
});
afterAll(async () => {
  await t.close();
});

describe('server logs during a full sync', () => {
  it('hold no password, token, name or free-text answer', async () => {
    const tokens: string[] = [];
    const ivToken = await t.login('interviewer');
    tokens.push(ivToken);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'interviewer', password: WRONG_PASSWORD },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: WRONG_PASSWORD, password: 'x' },
    });

    const answers = { full_name: SECRET_NAME, interview_date: '2026-11-20', age: 30, notes: SECRET_NOTE };
    const doc = submission('demo', answers);
    const bad = submission('demo', { ...answers, age: 300 });
    const later = edit(doc, { answers: { ...answers, age: 31 } });
    const push = (docs: unknown[], token: string, mission = 'demo') =>
      t.app.inject({
        method: 'POST',
        url: `/api/sync/${mission}`,
        payload: { protocol: 1, device: 'dev-logs', docs, since: null, pullLimit: 100 },
        ...bearer(token),
      });
    expect((await push([doc, bad], ivToken)).json().results.map((r: { ok: boolean }) => r.ok)).toEqual([
      true,
      false,
    ]);
    expect((await push([later], ivToken)).statusCode).toBe(200);
    expect((await push([doc], ivToken, 'other')).statusCode).toBe(403);

    // A second device pulls everything, reads one record and exports the mission.
    const officer = await t.login('data_officer');
    tokens.push(officer);
    const pulled = await push([], officer);
    expect(JSON.stringify(pulled.json())).toContain(SECRET_NAME);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/missions/demo/records/${doc._id}`,
      ...bearer(officer),
    });
    expect(read.statusCode).toBe(200);
    const exp = await t.app.inject({
      method: 'GET',
      url: '/api/missions/demo/export?format=csv&form=quick-screening@1',
      ...bearer(officer),
    });
    expect(exp.body).toContain(SECRET_NOTE);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', ...bearer(officer) });

    const log = lines.join('');
    expect(log).toMatch(/sync push/); // the capture works
    expect(log).toMatch(/incoming request/);
    for (const secret of [
      PASSWORD,
      WRONG_PASSWORD,
      SECRET_NAME,
      SECRET_NOTE,
      'Qurayshi',
      'farm near',
      ...tokens,
    ]) {
      expect(log, `log contains ${secret}`).not.toContain(secret);
    }
  });
});
