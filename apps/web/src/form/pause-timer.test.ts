import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PauseTimer } from './pause-timer.ts';
import { localToday } from '../cases/screening-prefill.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PauseTimer', () => {
  it('runs once, the delay after the last poke of a run', () => {
    const task = vi.fn();
    const t = new PauseTimer(task);
    t.poke(300);
    vi.advanceTimersByTime(200);
    t.poke(300); // a keystroke 200 ms in moves it to 500
    vi.advanceTimersByTime(299);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer for a run of pokes, and runs again after a later run', () => {
    const task = vi.fn();
    const t = new PauseTimer(task);
    for (let i = 0; i < 50; i++) {
      t.poke(300);
      vi.advanceTimersByTime(100);
    }
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(300);
    expect(task).toHaveBeenCalledTimes(1);
    t.poke(300);
    vi.advanceTimersByTime(300);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs nothing once cancelled', () => {
    const task = vi.fn();
    const t = new PauseTimer(task);
    t.poke(300);
    t.cancel();
    vi.advanceTimersByTime(1_000);
    expect(task).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('localToday, which the answer store gives today() and the metadata questions', () => {
  it("is the device's own calendar day", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
