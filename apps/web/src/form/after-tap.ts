/**
 * Runs work that changes the layout (a validation message appearing when a field loses focus) only
 * once the tap or click that moved the focus is over.
 *
 * Why: focus leaves a field on pointer *down*; the click is decided on pointer *up*, on whatever is
 * under the finger then. A message inserted in between moves the page (directly, or through the
 * browser's scroll anchoring), so the release lands on another element and the tap is lost — issue 16's
 * "tap consent Yes right after an invalid date", and the country picker whose match list moved by one
 * row under the finger. With no pointer pressed (the keyboard's Tab) the work runs on the next task.
 */
export class TapGate {
  private pressed = false;
  private waiting: (() => void)[] = [];

  constructor(
    target: EventTarget,
    private readonly later: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
  ) {
    target.addEventListener('pointerdown', () => (this.pressed = true), true);
    // pointerup, mouseup and click are dispatched in one task: the next task comes after the click.
    const release = () => {
      this.pressed = false;
      this.later(() => this.flush());
    };
    target.addEventListener('pointerup', release, true);
    target.addEventListener('pointercancel', release, true);
  }

  /** Run `fn` after the current tap ends, or on the next task if no pointer is pressed. */
  run(fn: () => void): void {
    if (this.pressed) this.waiting.push(fn);
    else this.later(fn);
  }

  private flush(): void {
    if (this.pressed) return; // a new press began before the queue ran: wait for its release
    const fns = this.waiting;
    this.waiting = [];
    for (const fn of fns) fn();
  }
}

let gate: TapGate | undefined;

/** `afterTap(h.touch)` as a field's blur handler: its message shows once the tap that left it is done. */
export function afterTap(fn: () => void): void {
  gate ??= new TapGate(document);
  gate.run(fn);
}
