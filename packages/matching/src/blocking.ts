import type { PreparedPerson } from './prepare.ts';

/**
 * Blocking: only people who share at least one key are compared. Several keys, each robust to a
 * different kind of difference, and the pairs are their union (Splink's "blocking rules"):
 *
 * - `sk:` the skeletons of two name tokens, in sorted order — transliteration, spelling, name order;
 * - `mp:` the Double Metaphone of one name token and the birth year — one name written very
 *   differently (Ibragim / إبراهيم) while the other agrees;
 * - `dob:` the full date with day and month sorted (swaps meet) and the skeleton's first letter of
 *   each token — names written so differently that no key above is shared.
 *
 * Block size policy: a key shared by more than `maxBlock` people (a very common name) is not
 * compared all-against-all. Its members are sorted by their exact name key and date and each is
 * compared with its `window` neighbours (sorted neighbourhood). So every block costs at most
 * maxBlock²/2 or n·window pairs, and 100,000 people give a few million pairs, not 5·10⁹.
 */
export interface BlockingOptions {
  readonly maxBlock: number;
  readonly window: number;
}

export const DEFAULT_BLOCKING: BlockingOptions = { maxBlock: 60, window: 12 };

/** The blocking keys of one person (deduplicated). */
export function blockingKeys(p: PreparedPerson): string[] {
  const keys = new Set<string>();
  const sk = [...new Set(p.tokens.map((t) => t.skeleton).filter((s) => s.length > 1))].sort();
  for (let i = 0; i < sk.length; i++)
    for (let j = i + 1; j < sk.length; j++) keys.add(`sk:${sk[i]} ${sk[j]}`);
  if (sk.length === 1) keys.add(`sk:${sk[0]}`);
  const year = p.birth?.year;
  if (year !== undefined)
    for (const t of p.tokens) if (t.metaphone.length > 1) keys.add(`mp:${t.metaphone}:${year}`);
  const b = p.birth;
  if (b?.day !== undefined && b.month !== undefined) {
    const [lo, hi] = b.day < b.month ? [b.day, b.month] : [b.month, b.day];
    const initials = [...new Set(p.tokens.map((t) => t.skeleton[0] ?? ''))].sort().join('');
    keys.add(`dob:${b.year}-${lo}-${hi}:${initials}`);
  }
  return [...keys];
}

export interface CandidatePairs {
  /** Pairs as indices (i < j) into the people, flat: [i0, j0, i1, j1, …]. */
  readonly pairs: Uint32Array;
  readonly blocks: number;
  /** Keys over maxBlock people, compared by sorted neighbourhood. */
  readonly oversizeBlocks: number;
}

/** The union of the pairs every key gives, each pair once. */
export function candidatePairs(
  people: readonly PreparedPerson[],
  options: BlockingOptions = DEFAULT_BLOCKING,
): CandidatePairs {
  const byKey = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const k of blockingKeys(p)) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  // Pairs are collected as codes i·n + j (exact below 2⁵³) in a growing typed array, then sorted and
  // deduplicated: 8 bytes a pair, where a Set of numbers would take several times that.
  const n = people.length;
  let codes = new Float64Array(1 << 16);
  let count = 0;
  const add = (a: number, b: number) => {
    if (count === codes.length) {
      const bigger = new Float64Array(codes.length * 2);
      bigger.set(codes);
      codes = bigger;
    }
    codes[count++] = a < b ? a * n + b : b * n + a;
  };
  // The sorted-neighbourhood key of each person, built once (not inside the sort's comparator).
  const sortKeys: string[] = [];
  const nameSortKeys: string[] = [];
  let oversize = 0;
  let blocks = 0;
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    blocks++;
    if (members.length <= options.maxBlock) {
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) add(members[x]!, members[y]!);
      continue;
    }
    oversize++;
    // Two passes: sorted by date then name (people born close together), and by name alone (the
    // same name whatever the date says: a date missing or only a year on one side sorts elsewhere).
    for (const [keys, keyOf] of [
      [sortKeys, neighbourKey],
      [nameSortKeys, nameNeighbourKey],
    ] as const) {
      for (const i of members) keys[i] ??= keyOf(people[i]!);
      const order = [...members].sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
      for (let x = 0; x < order.length; x++)
        for (let y = x + 1; y <= x + options.window && y < order.length; y++) add(order[x]!, order[y]!);
    }
  }
  const all = codes.subarray(0, count).sort();
  let unique = 0;
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[unique++] = all[k]!;
  const pairs = new Uint32Array(unique * 2);
  for (let k = 0; k < unique; k++) {
    const code = all[k]!;
    const i = Math.floor(code / n);
    pairs[2 * k] = i;
    pairs[2 * k + 1] = code - i * n;
  }
  return { pairs, blocks, oversizeBlocks: oversize };
}

const neighbourKey = (p: PreparedPerson): string => `${p.birth?.year ?? 0} ${p.skeletonKey} ${p.exactKey}`;
const nameNeighbourKey = (p: PreparedPerson): string =>
  `${p.skeletonKey}|${p.exactKey}|${p.birth?.year ?? 0}`;
