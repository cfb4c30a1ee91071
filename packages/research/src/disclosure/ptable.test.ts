import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isResearchError } from '../errors.ts';
import { disclosureParams } from './parameters.ts';
import { DEFAULT_PTABLE, cellKeyPTable, perturbation } from './ptable.ts';
import { publishedValue } from './publish.ts';

describe('the perturbation table', () => {
  it('has rows that are distributions, symmetric, with mean zero (published values are unbiased)', () => {
    for (const n of [11, 50, 400, 10_000]) {
      const r = DEFAULT_PTABLE.row(n);
      expect(r.probabilities.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      r.probabilities.forEach((q, i) =>
        expect(q).toBeCloseTo(r.probabilities[r.probabilities.length - 1 - i]!, 12),
      );
      expect(r.probabilities.reduce((m, q, i) => m + q * (i - r.max), 0)).toBeCloseTo(0, 12);
      // σ(n) = max(2, √n), within the discretisation and truncation.
      const ratio = Math.sqrt(r.variance) / Math.max(2, Math.sqrt(n));
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
    }
  });

  it('draws perturbations in the shares of the row when cell keys are uniform', () => {
    const t = cellKeyPTable(1.5, 0);
    const r = t.row(20);
    const n = 70_000;
    const seen = new Array<number>(r.probabilities.length).fill(0);
    for (let i = 0; i < n; i++)
      seen[perturbation(t, 20, Math.floor(((i + 0.5) / n) * 2 ** 32)) + r.max]! += 1;
    seen.forEach((x, i) => expect(x / n).toBeCloseTo(r.probabilities[i]!, 3));
  });

  it('publishes a value that is a function of the count and the cell key only, never under k', () => {
    const p = disclosureParams();
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(2 ** 32 - 1), (n, keySum) => {
        const v = publishedValue({ n, keySum }, p);
        expect(v).toBe(publishedValue({ n, keySum }, p));
        if (n < p.k) expect(v).toBeNull();
        if (v !== null) {
          expect(v).toBeGreaterThanOrEqual(p.k);
          expect(Math.abs(v - n)).toBeLessThanOrEqual(DEFAULT_PTABLE.row(n).max);
        }
      }),
      { seed: 101, numRuns: 2000 },
    );
  });

  it('refuses a threshold under 11', () => {
    for (const k of [10, 0, 11.5]) {
      let caught: unknown;
      try {
        disclosureParams({ k });
      } catch (e) {
        caught = e;
      }
      expect(isResearchError(caught, 'TERN_RESEARCH_BAD_PARAMETER'), String(k)).toBe(true);
    }
    expect(disclosureParams({ k: 15 }).k).toBe(15);
  });
});
