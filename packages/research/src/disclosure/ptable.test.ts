import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isResearchError } from '../errors.ts';
import { disclosureParams } from './parameters.ts';
import { DEFAULT_PTABLE, discreteNormalPTable, perturbation } from './ptable.ts';
import { publishedValue } from './publish.ts';

describe('the perturbation table', () => {
  it('is a distribution, symmetric, with mean zero (published values are unbiased)', () => {
    const t = DEFAULT_PTABLE;
    expect(t.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    t.probabilities.forEach((p, i) =>
      expect(p).toBeCloseTo(t.probabilities[t.probabilities.length - 1 - i]!, 12),
    );
    expect(t.probabilities.reduce((s, p, i) => s + p * (i - t.max), 0)).toBeCloseTo(0, 12);
    expect(t.variance).toBeGreaterThan(3);
  });

  it('draws perturbations in the shares of the table when cell keys are uniform', () => {
    const t = discreteNormalPTable(1.5, 3);
    const n = 70_000;
    const seen = new Array<number>(7).fill(0);
    for (let i = 0; i < n; i++) seen[perturbation(t, Math.floor(((i + 0.5) / n) * 2 ** 32)) + 3]! += 1;
    seen.forEach((s, i) => expect(s / n).toBeCloseTo(t.probabilities[i]!, 3));
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
          expect(Math.abs(v - n)).toBeLessThanOrEqual(DEFAULT_PTABLE.max);
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
