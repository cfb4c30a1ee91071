/**
 * Field paths as the merge reports them: dot-separated keys, with `[id]` selecting a repeat item by
 * its `_id` (e.g. `answers.events[01J…].type`); a key holding `.`, `[`, `]` or `\` has them escaped
 * with `\` (escapeKey). Used to show and to apply per-field resolutions.
 */
export type PathStep = { key: string } | { item: string };

export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const bad = (): never => {
    throw new TypeError(`Invalid field path ${JSON.stringify(path)}`);
  };
  let i = 0;
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const end = path.indexOf(']', i);
      if (end <= i + 1) bad();
      steps.push({ item: path.slice(i + 1, end) });
      i = end + 1;
    } else if (c === ']') {
      bad();
    } else {
      let key = '';
      while (i < path.length && !'.[]'.includes(path[i]!)) {
        if (path[i] === '\\') {
          if (i + 1 >= path.length) bad();
          i++;
        }
        key += path[i];
        i++;
      }
      steps.push({ key });
    }
  }
  if (steps.length === 0) bad();
  return steps;
}

/**
 * A key as one step of a path: form question names may hold `.` (an XML name such as `q1.2`), so `.`,
 * `[`, `]` and `\` are escaped with `\`. Keys without them (nearly all) are written as they are.
 */
export function escapeKey(key: string): string {
  return /[.[\]\\]/.test(key) ? key.replace(/[.[\]\\]/g, (c) => `\\${c}`) : key;
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
