import type { DocRejection } from './rejection.ts';

/**
 * How big a Tern record may be. A record is a form's answers or a case: a few kilobytes, nested about
 * a dozen levels at most (answers → repeat → item → nested repeat → item → multiple choice). The limits
 * are far above that and far below what breaks the machinery behind: JSON nested ~4,200 levels deep
 * overflows the stack of the store's encoder and of every recursive walk (canonical JSON, merges), so
 * depth is measured here first, iteratively, before anything recursive sees the document.
 */
export const DOC_LIMITS = {
  /** Levels of objects and arrays, the document itself being level 1. */
  depth: 32,
  /** Length of the document as JSON text (characters), about 1 MiB. */
  chars: 1024 * 1024,
  /** Items of one array or keys of one object. */
  width: 10_000,
  /** Values in the whole document (objects, arrays and scalars). */
  nodes: 100_000,
} as const;

type Limits = { depth: number; chars: number; width: number; nodes: number };

/**
 * Why a document is too deep or too large, or null. Walks the value with an explicit stack (never
 * recursion) and stops at the first limit crossed, so a hostile document costs at most `nodes` steps.
 */
export function sizeRejection(doc: unknown, limits: Limits = DOC_LIMITS): DocRejection | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: doc, depth: 1, path: '' }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    nodes += 1;
    if (nodes > limits.nodes) return tooLarge(`the document holds more than ${limits.nodes} values`, path);
    if (typeof value === 'string') chars += value.length + 2;
    else if (value === null || typeof value !== 'object') chars += 8;
    else {
      if (depth > limits.depth)
        return tooLarge(`nested deeper than ${limits.depth} levels at ${path || 'the top'}`, path);
      const entries = Array.isArray(value)
        ? value.map((v, i) => [String(i), v] as const)
        : Object.entries(value as Record<string, unknown>);
      if (entries.length > limits.width)
        return tooLarge(
          `${path || 'the document'} has ${entries.length} entries (at most ${limits.width})`,
          path,
        );
      chars += 2;
      for (const [k, v] of entries) {
        chars += k.length + 4;
        stack.push({ value: v, depth: depth + 1, path: path ? `${path}.${k}` : k });
      }
    }
    if (chars > limits.chars)
      return tooLarge(`the document is larger than ${Math.round(limits.chars / 1024)} KiB`, path);
  }
  return null;
}

function tooLarge(reason: string, path: string): DocRejection {
  // The path names where, never a value: answers may hold personal data.
  return {
    code: 'TERN_DOC_TOO_LARGE',
    reason: `Document refused: ${reason}`,
    ...(path ? { field: path } : {}),
  };
}
