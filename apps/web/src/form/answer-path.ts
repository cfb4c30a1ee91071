import type { Answers } from '@tern/forms';

/**
 * Where a field lives: the chain of repeat instances around it, by instance id (never by index, so a
 * field keeps its identity — and its React component — when an earlier instance is removed).
 */
export type Scope = ReadonlyArray<{ repeat: string; id: string }>;

/** A stable string for a scope; a field's key is `scopeKey(scope) + name`. */
export function scopeKey(scope: Scope): string {
  let s = '';
  for (const step of scope) s += `${step.repeat}#${step.id}/`;
  return s;
}

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * A copy of `root` with `name` set (or removed, for undefined) in the record at `path`. Only the
 * records and arrays along the path are copied; everything else is shared, so the previous answers
 * stay valid (an autosave in flight keeps the version it was given).
 */
export function setIn(
  root: Answers,
  path: ReadonlyArray<{ repeat: string; index: number }>,
  name: string,
  value: unknown,
): Answers {
  if (path.length === 0) {
    const next = { ...root };
    if (value === undefined) delete next[name];
    else next[name] = value;
    return next;
  }
  const [head, ...rest] = path;
  const items = root[head!.repeat] as unknown[];
  const copy = items.slice();
  copy[head!.index] = setIn(items[head!.index] as Answers, rest, name, value);
  return { ...root, [head!.repeat]: copy };
}

/** The node name in an answer path as validation reports it: `rep[2].r_int` → `r_int`. */
export function nameOfPath(path: string): string {
  const i = path.lastIndexOf('].');
  return i < 0 ? path : path.slice(i + 2);
}
