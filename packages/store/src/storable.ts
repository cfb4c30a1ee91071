import { StoreError } from './errors.ts';

/**
 * How deep a JSON value the store accepts. PouchDB's LevelDB and memory adapters encode documents with
 * the recursive `JSON.stringify` inside an asynchronous batch: a value nested about 4,200 levels deep
 * overflows the stack there, where no caller can catch it, and the process exits (issue 11). 1,000
 * levels leaves a fourfold margin for deeper call stacks; a Tern record nests about ten levels, and the
 * server's own admission (TERN_DOC_TOO_LARGE) is much stricter: this is the last line, not the rule.
 */
export const MAX_DOC_DEPTH = 1000;

/**
 * Whether `value` nests objects or arrays deeper than `max` (the value itself is level 1). Iterative,
 * so it cannot overflow itself, and it stops at the first branch too deep. Measured on a batch of
 * 1,000 records of 1.9 KB: about 1 ms (5-20 ms on the first, unoptimised pass), a tenth of what
 * JSON.stringify of the same batch costs (docs/decisions/081-sealed-store.md).
 */
export function deeperThan(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: object[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop()!;
    const d = depths.pop()!;
    if (d > max) return true;
    const children = Array.isArray(v) ? (v as unknown[]) : Object.values(v);
    for (const c of children) {
      if (typeof c === 'object' && c !== null) {
        stack.push(c);
        depths.push(d + 1);
      }
    }
  }
  return false;
}

/** Why the store will not take this document, or null. */
export function depthRefusal(doc: unknown): string | null {
  return deeperThan(doc, MAX_DOC_DEPTH)
    ? `The document is nested deeper than ${MAX_DOC_DEPTH} levels; the store does not take it`
    : null;
}

/** Throw TERN_STORE_DOC_TOO_DEEP for a document the store must not see. */
export function assertStorable(doc: unknown, what: string): void {
  const refusal = depthRefusal(doc);
  if (refusal) throw new StoreError('TERN_STORE_DOC_TOO_DEEP', `${what}: ${refusal}`, refusal);
}
