import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, submission, testApp, validAnswers } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 5: 2,000 concurrent longpolls from one account slowed `/api/health` to 17 s, grew
 * the memory from 158 to 371 MB and raised MaxListenersExceeded warnings. Held feeds are now capped
 * per account and in total (here 3 and 4); past a cap, 429 with Retry-After, at once.
 */
let t: TestApp;
let alice: string;
let bob: string;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);

beforeAll(async () => {
  t = await testApp(['interviewer'], { feeds: { perAccount: 3, total: 4, retryAfterSeconds: 7 } });
  await t.accounts.create(
    // A data officer: an interviewer's feed wakes only for records they may see (decision 135), and
    // the records written below are the `interviewer` account's.
    { username: 'bob', password: PASSWORD, role: 'data_officer', missions: ['demo'] },
    't',
  );
  alice = await t.login('interviewer');
  bob = await t.login('bob');
  process.on('warning', onWarning);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await t.close();
});

const longpoll = (token: string) =>
  t.app.inject({
    method: 'GET',
    url: '/couch/demo/_changes?feed=longpoll&since=now&timeout=30000',
    ...bearer(token),
  });
// Before: one live store feed per request (listeners on PouchDB's per-database `Changes` notifier)
// and one `abort` listener per request on a shared shutdown signal, both warning past ten feeds.
// Not counted: PouchDB's own `destroyed` listener, held by every changes() read while it runs;
// 15 requests reading at the same moment hold 15 of those for a few milliseconds (not a leak).
const perFeedLeak = /listeners added to \[(Changes|AbortSignal|EventTarget)\]/;

const settle = () => new Promise((r) => setTimeout(r, 1000));

describe('longpoll feeds are capped', () => {
  it('refuses the fourth feed of one account and the fifth on the server, and health still answers', async () => {
    const held = [longpoll(alice), longpoll(alice), longpoll(alice)];
    await settle();
    const fourth = await longpoll(alice);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['retry-after']).toBe('7');
    expect(fourth.json()).toMatchObject({ error: 'too_many_requests' });
    expect(fourth.json().reason).toMatch(/this account already holds 3 open change feeds/i);

    held.push(longpoll(bob));
    await settle();
    const fifth = await longpoll(bob);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().reason).toMatch(/maximum of 4 open change feeds/);

    const started = Date.now();
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);

    // A change wakes every held feed; their places are free again afterwards.
    await t.store.mission('demo').writeReplicated([submission('demo', validAnswers('A'))]);
    for (const res of await Promise.all(held)) {
      expect(res.statusCode).toBe(200);
      expect(res.json().results).toHaveLength(1);
    }
    const again = longpoll(alice);
    await settle();
    await t.store.mission('demo').writeReplicated([submission('demo', validAnswers('B'))]);
    expect((await again).statusCode).toBe(200);
    expect(warnings.filter((w) => perFeedLeak.test(w))).toEqual([]);
  });
});

describe('many held feeds', () => {
  it('hold no listener per feed on a shared emitter', async () => {
    const many = await testApp(['interviewer'], { feeds: { perAccount: 20, total: 20 } });
    try {
      const token = await many.login('interviewer');
      const held = Array.from({ length: 15 }, () =>
        many.app.inject({
          method: 'GET',
          url: '/couch/demo/_changes?feed=longpoll&since=now&timeout=30000',
          ...bearer(token),
        }),
      );
      await settle();
      // Shutdown answers every held feed at once instead of waiting out its timeout.
      const closing = many.close();
      for (const res of await Promise.all(held)) expect(res.statusCode).toBe(200);
      await closing;
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => perFeedLeak.test(w))).toEqual([]);
    } finally {
      await many.close().catch(() => undefined);
    }
  });
});
