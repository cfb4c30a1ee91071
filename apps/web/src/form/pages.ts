import type { FormNode } from '@tern/forms';

/** One page of the paged layout: a top-level group or repeat, or a run of top-level questions between them. */
export interface FormPageDef {
  nodes: readonly FormNode[];
  /** The group or repeat the page shows, for its title and relevance; null for a run of questions. */
  container: FormNode | null;
}

export function pagesOf(children: readonly FormNode[]): FormPageDef[] {
  const pages: FormPageDef[] = [];
  let run: FormNode[] = [];
  const endRun = () => {
    if (run.length) pages.push({ nodes: run, container: null });
    run = [];
  };
  for (const n of children) {
    if (n.type === 'group' || n.type === 'repeat') {
      endRun();
      pages.push({ nodes: [n], container: n });
    } else run.push(n);
  }
  endRun();
  return pages;
}

/** Which page holds the answer path of a validation issue (`events[2].hte_Type`, `prs_Age`). */
export function pageOfPath(
  pages: readonly FormPageDef[],
  topLevelOf: (name: string) => string | null,
  path: string,
): number {
  // The first step of the path: a name (which may hold `.`, `-` or any letter) up to a repeat's `[`.
  const first = path.split('[')[0] ?? '';
  const top = topLevelOf(first);
  const i = pages.findIndex((p) => p.nodes.some((n) => n.name === top));
  return Math.max(0, i);
}
