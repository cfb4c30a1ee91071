/**
 * People behind linked cases (decision 202). Reviewers link cases of one person across missions
 * (decision 182); the analytics store keeps, for each case of such a group, the ref of its person
 * so a figure about people counts each once.
 */
/** (case ref, person ref) for every case of a group; the person's ref is the group's smallest case ref. */
export function peoplePairs(groups: readonly (readonly string[])[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const g of groups) {
    const cases = [...new Set(g)].sort();
    if (cases.length < 2) continue;
    for (const c of cases) out.push([c, cases[0]!]);
  }
  return out;
}

/**
 * The groups of cases that are one person, from links between two cases each (any keys): linked
 * through any chain of links, as the case page shows them (decision 182). Groups of two or more.
 */
export function peopleGroups(links: Iterable<readonly [string, string]>): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    // Path compression: every node on the way points at the root.
    for (let y = x; y !== r;) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const [a, b] of links) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const x of parent.keys()) {
    const r = find(x);
    const g = groups.get(r);
    if (g) g.push(x);
    else groups.set(r, [x]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort());
}
