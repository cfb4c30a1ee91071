import { describe, expect, it } from 'vitest';
import { ChangeHub } from './change-hub.ts';
import type { ChangeSource } from './change-hub.ts';

/** A store whose watches the test ends by hand. */
function fakeSource() {
  const watches: Array<{ since: number; signal: AbortSignal; fire(changed: boolean): void }> = [];
  const source: ChangeSource = {
    waitForChange: (since, _ms, signal) =>
      new Promise((resolve) => {
        watches.push({ since, signal, fire: resolve });
        signal.addEventListener('abort', () => resolve(false), { once: true });
      }),
  };
  const live = () => watches.filter((w) => !w.signal.aborted);
  return { source, watches, live };
}

describe('ChangeHub', () => {
  it('shares one store watch among the waiters of a mission and wakes them all', async () => {
    const { source, watches, live } = fakeSource();
    const hub = new ChangeHub(() => source);
    const never = new AbortController().signal;
    const waits = [hub.wait('demo', 5, 10_000, never), hub.wait('demo', 7, 10_000, never)];
    expect(watches).toHaveLength(1);
    expect(watches[0]!.since).toBe(5);
    live()[0]!.fire(true);
    expect(await Promise.all(waits)).toEqual([true, true]);
  });

  it('starts the watch earlier when an older waiter arrives', async () => {
    const { source, watches, live } = fakeSource();
    const hub = new ChangeHub(() => source);
    const never = new AbortController().signal;
    const late = hub.wait('demo', 9, 10_000, never);
    const early = hub.wait('demo', 3, 10_000, never);
    expect(watches.map((w) => w.since)).toEqual([9, 3]);
    expect(live()).toHaveLength(1);
    live()[0]!.fire(true);
    expect(await Promise.all([late, early])).toEqual([true, true]);
  });

  it('answers false on timeout or abort, and stops the watch when nobody waits', async () => {
    const { source, live } = fakeSource();
    const hub = new ChangeHub(() => source);
    const gone = new AbortController();
    const aborted = hub.wait('demo', 1, 10_000, gone.signal);
    const timedOut = hub.wait('demo', 1, 20, new AbortController().signal);
    gone.abort();
    expect(await aborted).toBe(false);
    expect(live()).toHaveLength(1); // the other request still waits
    expect(await timedOut).toBe(false);
    expect(live()).toHaveLength(0);
  });

  it('keeps missions apart', async () => {
    const { source, watches } = fakeSource();
    const hub = new ChangeHub(() => source);
    const never = new AbortController().signal;
    const a = hub.wait('a', 1, 10_000, never);
    void hub.wait('b', 1, 50, never);
    expect(watches).toHaveLength(2);
    watches[0]!.fire(true);
    expect(await a).toBe(true);
  });
});
