import type { Frame } from './compile-form.ts';

/**
 * Call `fn` once per instance of the record a node lives in: once at the root for a node outside
 * repeats, once per instance (nested repeats: per instance of each) otherwise. `prefix` is the answer
 * path of the instance, e.g. `events[2].` — 0-based, the index into the stored array.
 */
export function forEachInstance(
  root: Record<string, unknown>,
  repeats: readonly string[],
  fn: (frame: Frame, positions: readonly number[], prefix: string) => void,
): void {
  const frame: Array<Record<string, unknown>> = [root];
  const positions: number[] = [];
  const walk = (i: number, prefix: string): void => {
    if (i === repeats.length) {
      fn(frame, positions, prefix);
      return;
    }
    const name = repeats[i]!;
    const items = frame[i]![name];
    if (!Array.isArray(items)) return;
    for (let j = 0; j < items.length; j++) {
      const item: unknown = items[j];
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
      frame[i + 1] = item as Record<string, unknown>;
      positions[i] = j + 1;
      walk(i + 1, `${prefix}${name}[${j}].`);
    }
    frame.length = i + 1;
    positions.length = i;
  };
  walk(0, '');
}
