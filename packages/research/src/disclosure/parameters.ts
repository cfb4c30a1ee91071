import { ResearchError } from '../errors.ts';
import { DEFAULT_PTABLE } from './ptable.ts';
import type { PTable } from './ptable.ts';

/** The threshold: CTDC's k = 11 (no published cell describes fewer than 11 cases). Never lower. */
export const MIN_K = 11;

export interface DisclosureParams {
  readonly k: number;
  readonly ptable: PTable;
}

/** Checked parameters: k an integer of at least 11. */
export function disclosureParams(o: { k?: number; ptable?: PTable } = {}): DisclosureParams {
  const k = o.k ?? MIN_K;
  if (!Number.isInteger(k) || k < MIN_K)
    throw new ResearchError(
      'TERN_RESEARCH_BAD_PARAMETER',
      `k must be an integer of at least ${MIN_K} (got ${k})`,
    );
  return { k, ptable: o.ptable ?? DEFAULT_PTABLE };
}
