/**
 * Order nodes so that each comes after the nodes it depends on, keeping document order otherwise
 * (depth-first, as ODK's dependency graph does). Returns the first cycle found, as a list of names.
 */
export function topologicalOrder<T extends { name: string; deps: readonly string[] }>(
  nodes: readonly T[],
  byName: ReadonlyMap<string, T>,
): { order: T[]; cycle: string[] | null } {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: T[] = [];
  let cycle: string[] | null = null;
  const stack: string[] = [];
  const visit = (n: T): void => {
    const s = state.get(n.name);
    if (s === 'done') return;
    if (s === 'visiting') {
      cycle ??= [...stack.slice(stack.indexOf(n.name)), n.name];
      return;
    }
    state.set(n.name, 'visiting');
    stack.push(n.name);
    for (const d of n.deps) {
      const dep = byName.get(d);
      if (dep && dep !== n) visit(dep);
      else if (dep === n) cycle ??= [n.name, n.name];
    }
    stack.pop();
    state.set(n.name, 'done');
    order.push(n);
  };
  for (const n of nodes) visit(n);
  return { order, cycle };
}
