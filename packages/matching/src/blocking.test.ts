import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs } from './blocking.ts';
import { prepare } from './prepare.ts';

const p = (id: string, fullName: string, birthDate?: string) =>
  prepare({ id, mission: 'm', fullName, ...(birthDate && { birthDate }) });

describe('blocking', () => {
  it('puts the same person in swapped order and another script in one block', () => {
    const a = blockingKeys(p('a', 'Khadija Nasser', '1990-03-04'));
    const b = blockingKeys(p('b', 'Насер Хадиджа', '1990-04-03'));
    expect(a.filter((k) => b.includes(k)).length).toBeGreaterThan(0);
  });

  it('bounds a crowded block by the sorted neighbourhood and lists each pair once', () => {
    const people = Array.from({ length: 500 }, (_, i) => p(`x${i}`, 'Mohammed Ali', `${1950 + (i % 50)}`));
    const { pairs, oversizeBlocks } = candidatePairs(people, { maxBlock: 40, window: 5 });
    expect(oversizeBlocks).toBeGreaterThan(0);
    const n = pairs.length / 2;
    // One key (the skeletons) over 500 people at window 5, plus the metaphone+year keys (10 a year).
    expect(n).toBeLessThan(500 * 5 + 2 * 50 * 45);
    const codes = new Set<string>();
    for (let k = 0; k < n; k++) codes.add(`${pairs[2 * k]},${pairs[2 * k + 1]}`);
    expect(codes.size).toBe(n);
  });

  it('never pairs a person with themself and orders each pair (seeded property)', () => {
    const names = ['Omar Haddad', 'Haddad Omar', 'Olena Koval', 'Ngozi Okafor', 'Nguyễn Thị Lan'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...names), fc.integer({ min: 1960, max: 2005 })), {
          maxLength: 60,
        }),
        (xs) => {
          const people = xs.map(([n, y], i) => p(`q${i}`, n, `${y}`));
          const { pairs } = candidatePairs(people);
          for (let k = 0; k < pairs.length; k += 2) expect(pairs[k]!).toBeLessThan(pairs[k + 1]!);
        },
      ),
      { seed: 20, numRuns: 100 },
    );
  });
});
