/**
 * Field paths as the merge reports them: dot-separated keys, with `[id]` selecting a repeat item by
 * its `_id` (e.g. `answers.events[01J…].type`). Used to show and to apply per-field resolutions.
 */
export type PathStep = { key: string } | { item: string };

export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const re = /([^.[\]]+)|\[([^\]]+)\]/g;
  let m: RegExpExecArray | null;
  let consumed = '';
  while ((m = re.exec(path))) {
    steps.push(m[1] !== undefined ? { key: m[1] } : { item: m[2]! });
    consumed += m[0];
  }
  if (steps.length === 0 || consumed.length !== path.replace(/\./g, '').length) {
    throw new TypeError(`Invalid field path ${JSON.stringify(path)}`);
  }
  return steps;
}

type Obj = Record<string, unknown>;
const itemIn = (list: unknown, id: string) =>
  Array.isArray(list) ? (list as Obj[]).find((x) => x && typeof x === 'object' && x._id === id) : undefined;

export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const step of parsePath(path)) {
    if (cur === undefined || cur === null) return undefined;
    cur = 'key' in step ? (cur as Obj)[step.key] : itemIn(cur, step.item);
  }
  return cur;
}

/**
 * A copy of `root` with the value at `path` replaced (removed when `value` is undefined). Missing
 * objects on the way are created; a missing repeat item is appended with its `_id`.
 */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const steps = parsePath(path);
  const copy = structuredClone(root) as unknown;
  let parent: unknown = copy;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i]!;
    const next = steps[i + 1]!;
    if ('key' in step) {
      const o = parent as Obj;
      if (o[step.key] === undefined || o[step.key] === null) o[step.key] = 'item' in next ? [] : {};
      parent = o[step.key];
    } else {
      let item = itemIn(parent, step.item);
      if (!item) {
        item = { _id: step.item };
        (parent as Obj[]).push(item);
      }
      parent = item;
    }
  }
  const last = steps[steps.length - 1]!;
  if ('key' in last) {
    if (value === undefined) delete (parent as Obj)[last.key];
    else (parent as Obj)[last.key] = value;
  } else {
    const list = parent as Obj[];
    const at = list.findIndex((x) => x && x._id === last.item);
    if (value === undefined) {
      if (at >= 0) list.splice(at, 1);
    } else if (at >= 0) list[at] = value as Obj;
    else list.push(value as Obj);
  }
  return copy as T;
}
