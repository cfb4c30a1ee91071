import { describe, expect, it } from 'vitest';
import { attackData, BASE_RATE, MISSIONS } from '../testing/attack-data.ts';
import { attack, binomialTail, STRATEGIES } from '../testing/attack.ts';
import type { AttackResult, Oracle, Strategy } from '../testing/attack.ts';
import { MemoryAnalyticsStore } from '../testing/memory-store.ts';
import { naiveTable } from '../testing/naive-tables.ts';
import { disclosureParams } from './parameters.ts';
import { researchTable } from './research-tables.ts';

/**
 * Issue 13's adversarial test. Two seeded datasets of 20,000 cases, each with 60 planted people unique
 * on their quasi-identifiers; for each, an attacker that knows everything but the type of exploitation
 * runs the probes of testing/attack.ts — over 10,000 queries against each control. The same attacker
 * against the naive control (exact counts, cells under 11 suppressed) must single out most of them:
 * proof that the test can fail.
 *
 * The bound: an attacker who learns nothing guesses right with probability 1/4, so its right guesses
 * are Binomial(120, 1/4). Against Tern no strategy may get a count that this would reach with
 * probability under 0.001/8 (one-sided, Bonferroni over the 8 strategies): at 120 people that is 49 or
 * more right (41 %). Seeded data, keys and tie-breaks: the same figures on every run.
 */
const ALPHA = 0.001 / (STRATEGIES.length + 1);

async function run(control: 'tern' | 'naive'): Promise<AttackResult> {
  const total: AttackResult = { queries: 0, targets: 0, correct: {} as Record<Strategy, number> };
  for (const seed of [1, 2]) {
    const { rows, targets } = attackData({ background: 20_000, planted: 60, seed });
    const store = MemoryAnalyticsStore.fromRows(rows);
    const ask: Oracle =
      control === 'tern'
        ? (q) => researchTable(store, q, { missions: MISSIONS }, disclosureParams())
        : (q) => naiveTable(store, q);
    const r = await attack(ask, targets, { probesPerTarget: 15, seed: 100 + seed });
    total.queries += r.queries;
    total.targets += r.targets;
    for (const [s, c] of Object.entries(r.correct) as Array<[Strategy, number]>)
      total.correct[s] = (total.correct[s] ?? 0) + c;
  }
  return total;
}

describe('adversarial test: an attacker who knows everything but the type of exploitation', () => {
  it('singles out most planted people against the naive control (the test can fail)', async () => {
    const r = await run('naive');
    expect(r.queries).toBeGreaterThanOrEqual(10_000);
    expect(r.targets).toBe(120);
    expect(r.correct['all together'] / r.targets).toBeGreaterThan(0.8);
    expect(r.correct.pair / r.targets).toBeGreaterThan(0.5);
    expect(binomialTail(r.correct['all together'], r.targets, BASE_RATE)).toBeLessThan(1e-12);
  }, 180_000);

  it('does no better than the base rate against Tern, by any strategy', async () => {
    const r = await run('tern');
    expect(r.queries).toBeGreaterThanOrEqual(10_000);
    for (const [strategy, correct] of Object.entries(r.correct))
      expect(
        binomialTail(correct, r.targets, BASE_RATE),
        `${strategy}: ${correct}/${r.targets}`,
      ).toBeGreaterThan(ALPHA);
  }, 180_000);

  it('has a bound that a leak would cross', () => {
    // 49 of 120 is where the bound lies; the naive control's figures are far beyond it.
    expect(binomialTail(48, 120, BASE_RATE)).toBeGreaterThan(ALPHA);
    expect(binomialTail(49, 120, BASE_RATE)).toBeLessThan(ALPHA);
  });
});
