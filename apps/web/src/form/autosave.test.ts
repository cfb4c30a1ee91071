import { afterEach, describe, expect, it, vi } from 'vitest';
import { autosaver } from './autosave.ts';

afterEach(() => vi.useRealTimers());

describe('autosaver', () => {
  it('writes the last value once changes stop', async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const s = autosaver<string>(async (v) => void written.push(v), { delayMs: 800 });
    s.schedule('a');
    await vi.advanceTimersByTimeAsync(500);
    s.schedule('ab');
    await vi.advanceTimersByTimeAsync(500);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(written).toEqual(['ab']);
    expect(s.pending).toBe(false);
  });

  it('still writes during a long burst of typing (maxWait)', async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const s = autosaver<number>(async (v) => void written.push(String(v)), { delayMs: 800, maxWaitMs: 2000 });
    for (let i = 0; i < 30; i++) {
      s.schedule(i);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(written.length).toBeGreaterThanOrEqual(1);
  });

  it('never runs two writes at once, and flush() waits for everything scheduled', async () => {
    let running = 0;
    let overlap = false;
    const written: number[] = [];
    const s = autosaver<number>(async (v) => {
      running++;
      if (running > 1) overlap = true;
      await new Promise((r) => setTimeout(r, 5));
      written.push(v);
      running--;
    });
    s.schedule(1);
    const first = s.flush();
    s.schedule(2);
    await Promise.all([first, s.flush()]);
    expect(written).toEqual([1, 2]);
    expect(overlap).toBe(false);
  });

  it('cancel() drops what is not written yet and waits for a write in progress', async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const s = autosaver<string>(async (v) => void written.push(v), { delayMs: 800 });
    s.schedule('gone');
    await s.cancel();
    await vi.advanceTimersByTimeAsync(2000);
    expect(written).toEqual([]);
  });

  it('reports a failed write and keeps working', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const written: string[] = [];
    const s = autosaver<string>(
      async (v) => {
        if (fail) throw new Error('quota');
        written.push(v);
      },
      { onError: (e) => errors.push(e) },
    );
    s.schedule('a');
    await s.flush();
    fail = false;
    s.schedule('b');
    await s.flush();
    expect(errors).toHaveLength(1);
    expect(written).toEqual(['b']);
  });
});
