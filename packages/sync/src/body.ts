import type { Body, WireDoc } from './types.ts';

/** The body of a document: every field but CouchDB's reserved `_` fields. */
export function bodyOf(doc: Record<string, unknown>): Body {
  const body: Body = {};
  for (const [k, v] of Object.entries(doc)) {
    if (!k.startsWith('_')) body[k] = v;
  }
  return body;
}

/** Byte length of a document as JSON (UTF-8), used to size batches. */
export function jsonBytes(doc: WireDoc | unknown): number {
  return new TextEncoder().encode(JSON.stringify(doc)).length;
}
