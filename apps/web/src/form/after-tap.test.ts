import { describe, expect, it } from 'vitest';
import { TapGate } from './after-tap.ts';

/** A scheduler the test advances by hand: one call to `tick` is one browser task. */
function manual() {
  let queue: (() => void)[] = [];
  return {
    later: (fn: () => void) => queue.push(fn),
    tick: () => {
      const q = queue;
      queue = [];
      for (const fn of q) fn();
    },
  };
}

describe('TapGate: a blur message waits for the tap that caused the blur', () => {
  it('holds work queued while a pointer is pressed until the task after its release', () => {
    const target = new EventTarget();
    const clock = manual();
    const gate = new TapGate(target, clock.later);
    const done: string[] = [];
    target.dispatchEvent(new Event('pointerdown'));
    gate.run(() => done.push('touched')); // the field blurred on pointer down
    clock.tick();
    expect(done).toEqual([]); // still pressed: the layout must not move under the finger
    target.dispatchEvent(new Event('pointerup'));
    done.push('click'); // the click is dispatched in the same task as pointerup
    clock.tick();
    expect(done).toEqual(['click', 'touched']);
  });

  it('runs on the next task when no pointer is pressed (keyboard Tab)', () => {
    const target = new EventTarget();
    const clock = manual();
    const gate = new TapGate(target, clock.later);
    const done: string[] = [];
    gate.run(() => done.push('touched'));
    expect(done).toEqual([]);
    clock.tick();
    expect(done).toEqual(['touched']);
  });

  it('a cancelled pointer releases the queue too, and a second press keeps it waiting', () => {
    const target = new EventTarget();
    const clock = manual();
    const gate = new TapGate(target, clock.later);
    const done: string[] = [];
    target.dispatchEvent(new Event('pointerdown'));
    gate.run(() => done.push('a'));
    target.dispatchEvent(new Event('pointercancel'));
    target.dispatchEvent(new Event('pointerdown')); // pressed again before the next task
    clock.tick();
    expect(done).toEqual([]);
    target.dispatchEvent(new Event('pointerup'));
    clock.tick();
    expect(done).toEqual(['a']);
  });
});
