import { useEffect } from 'react';

/** Lock after this long without a key press, click or touch. */
export const IDLE_LOCK_MS = 10 * 60_000;

/**
 * Idle time before locking: IDLE_LOCK_MS, or a shorter value from localStorage `tern.idleLockMs`
 * (for tests and for offices that want it shorter). Never longer: a setting can only tighten it.
 */
export function idleLockMs(): number {
  const v = Number(localStorage.getItem('tern.idleLockMs'));
  return Number.isFinite(v) && v >= 1000 && v < IDLE_LOCK_MS ? v : IDLE_LOCK_MS;
}

export function useIdleLock(active: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    const ms = idleLockMs();
    let timer = setTimeout(onIdle, ms);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    const events = ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [active, onIdle]);
}
