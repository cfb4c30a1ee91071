import { createHmac } from 'node:crypto';
import { ResearchError } from '../errors.ts';

/**
 * Keys derived from the server's research secret, so that nothing in the analytics store can be
 * linked back to a case without it:
 * - the **record key** of the cell-key method (ABS TableBuilder; ONS): a fixed, uniformly random
 *   32-bit integer per case. It must be stable (the same cell gets the same perturbation in every
 *   query) and not guessable from the case id (else an attacker could compute a cell's key and undo
 *   its perturbation): HMAC-SHA256(secret, "record-key", mission, case id).
 * - the **row reference** that stands for the case id in the store: case ids are ULIDs, whose first
 *   ten characters are the creation time in milliseconds, an exact date.
 * - an **order shift** per case: submissions of one case are ordered by their time plus a secret
 *   offset, so the store keeps their order without holding their dates.
 */
export interface ResearchKeys {
  recordKey(mission: string, caseId: string): number;
  caseRef(mission: string, caseId: string): string;
  docRef(mission: string, docId: string): string;
  orderShift(caseRef: string): number;
  /** Names the secret without revealing it: a store built with another secret is rebuilt. */
  readonly fingerprint: string;
}

/** At least 32 bytes: the record keys are only as unguessable as the secret. */
export const MIN_SECRET_BYTES = 32;
const SHIFT_RANGE_MS = 2 ** 40; // about 35 years

export function researchKeys(secret: string | Uint8Array): ResearchKeys {
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : new Uint8Array(secret);
  if (bytes.length < MIN_SECRET_BYTES)
    throw new ResearchError(
      'TERN_RESEARCH_BAD_PARAMETER',
      `The research secret must be at least ${MIN_SECRET_BYTES} bytes (got ${bytes.length})`,
    );
  const mac = (...parts: string[]) => createHmac('sha256', bytes).update(parts.join('\u0000')).digest();
  return {
    recordKey: (mission, caseId) => mac('record-key', mission, caseId).readUInt32BE(0),
    caseRef: (mission, caseId) => mac('case-ref', mission, caseId).subarray(0, 16).toString('hex'),
    docRef: (mission, docId) => mac('doc-ref', mission, docId).subarray(0, 16).toString('hex'),
    orderShift: (caseRef) => mac('order-shift', caseRef).readUIntBE(0, 5) % SHIFT_RANGE_MS,
    fingerprint: mac('fingerprint').subarray(0, 8).toString('hex'),
  };
}
