import { canonicalJson } from './canonical-json.ts';
import { escapeKey } from './field-path.ts';
import type { Body } from './types.ts';

/**
 * Field-by-field three-way merge of two branches of a document against their common ancestor.
 * https://docs.couchdb.org/en/stable/replication/conflicts.html#conflict-resolution-by-merging
 *
 * Per field path: equal on both sides → that value; changed on one side only → that side's value;
 * changed on both sides to different values → a conflict, and nothing is picked. Plain objects merge
 * key by key. Lists of items that carry an `_id` (repeat instances: assistance events, trafficking
 * events) merge item by item, never by position. An attachment reference (an object with a string
 * `digest`: a photo's sha-256, type, size and name) is one value, never merged key by key: mixing the
 * digest of one photo with the size of another would name bytes that do not exist. With no ancestor,
 * every differing field conflicts.
 */
export interface FieldConflict {
  /** Path of the field, e.g. `answers.age` or `answers.events[01J…].type`. */
  path: string;
  /** Value in the common ancestor; undefined when absent or unknown. */
  base: unknown;
  /** Value on each side, in the order the sides were given; undefined when the side removed it. */
  values: [unknown, unknown];
}

export interface MergeResult {
  /**
   * Every field merged. At a conflicting path it holds the ancestor's value (absent when none), so it
   * does not depend on the order of the sides. A result with conflicts is never written as is: it is
   * the starting point of a resolution.
   */
  merged: Body;
  conflicts: FieldConflict[];
  /** For each changed path, which side (0 or 1) the merged value came from. */
  taken: Record<string, 0 | 1>;
}

type Json = unknown;
const ABSENT = undefined;

const same = (a: Json, b: Json) =>
  a === b ? true : a === undefined || b === undefined ? false : canonicalJson(a) === canonicalJson(b);
const isPlainObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A media answer (decision 125): replaced whole, so a merge never mixes two files' fields. */
const isAttachmentRef = (v: Json): boolean => isPlainObject(v) && typeof v.digest === 'string';
const isItemList = (v: Json): v is Array<Record<string, Json> & { _id: string }> =>
  Array.isArray(v) &&
  v.every((x) => isPlainObject(x) && typeof x._id === 'string') &&
  new Set(v.map((x) => (x as { _id: string })._id)).size === v.length;

interface Ctx {
  conflicts: FieldConflict[];
  taken: Record<string, 0 | 1>;
  /** False when there is no common ancestor: nothing can be known as "unchanged". */
  hasBase: boolean;
}

function mergeValue(path: string, base: Json, a: Json, b: Json, ctx: Ctx): Json {
  if (same(a, b)) return a;
  if (ctx.hasBase && same(base, a)) {
    ctx.taken[path] = 1;
    return b;
  }
  if (ctx.hasBase && same(base, b)) {
    ctx.taken[path] = 0;
    return a;
  }
  if (isPlainObject(a) && isPlainObject(b) && !isAttachmentRef(a) && !isAttachmentRef(b))
    return mergeObject(path, isPlainObject(base) ? base : {}, a, b, ctx);
  if (isItemList(a) && isItemList(b) && (base === ABSENT || isItemList(base)))
    return mergeItems(path, base ?? [], a, b, ctx);
  ctx.conflicts.push({ path, base, values: [a, b] });
  return base; // unresolved: the ancestor's value (see MergeResult.merged)
}

function mergeObject(
  path: string,
  base: Record<string, Json>,
  a: Record<string, Json>,
  b: Record<string, Json>,
  ctx: Ctx,
) {
  const out: Record<string, Json> = {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b), ...Object.keys(base)])].sort();
  for (const k of keys) {
    const v = mergeValue(path ? `${path}.${escapeKey(k)}` : escapeKey(k), base[k], a[k], b[k], ctx);
    if (v !== ABSENT) out[k] = v;
  }
  return out;
}

type Item = Record<string, Json> & { _id: string };

function mergeItems(path: string, base: Item[], a: Item[], b: Item[], ctx: Ctx): Item[] {
  const byId = (xs: Item[]) => new Map(xs.map((x) => [x._id, x]));
  const [mb, ma, mB] = [byId(base), byId(a), byId(b)];
  // Both sides changed the list: surviving ancestor items keep the ancestor's order, new items follow
  // sorted by id (ULIDs sort by creation time). Symmetric, so the result does not depend on which
  // branch is passed first.
  const added = [...new Set([...ma.keys(), ...mB.keys()])].filter((id) => !mb.has(id)).sort();
  const out: Item[] = [];
  for (const id of [...mb.keys(), ...added]) {
    const v = mergeValue(`${path}[${id}]`, mb.get(id), ma.get(id), mB.get(id), ctx);
    if (v !== ABSENT) out.push(v as Item);
  }
  return out;
}

/**
 * Merge two sides against `base` (null when no common ancestor body is known). The merged body does
 * not depend on the order of the sides; conflict values are listed in the order the sides were given.
 */
export function threeWayMerge(
  base: Body | null,
  a: Body,
  b: Body,
  opts: { meta?: readonly string[] } = {},
): MergeResult {
  const ctx: Ctx = { conflicts: [], taken: {}, hasBase: base !== null };
  // Bookkeeping fields (who/when/which device last edited) differ on every branch by nature; they are
  // not data and never conflict: the merged revision takes the first side's, or the ancestor's.
  const meta = new Set(opts.meta ?? []);
  const strip = (o: Body | null) => o && Object.fromEntries(Object.entries(o).filter(([k]) => !meta.has(k)));
  const merged = mergeObject('', strip(base) ?? {}, strip(a)!, strip(b)!, ctx);
  for (const k of meta) {
    const v = a[k] ?? b[k] ?? base?.[k];
    if (v !== undefined) merged[k] = v;
  }
  return { merged, conflicts: ctx.conflicts, taken: ctx.taken };
}
