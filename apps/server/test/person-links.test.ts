import { afterAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { PersonLinks, pairId } from '../src/matching/person-links.ts';

/** Decision 182: decisions kept in order, links as documents, unlink back to the state before "same". */
const store = new TernStore({ kind: 'memory', prefix: `links-${Date.now()}` });
let clock = Date.parse('2026-12-02T10:00:00Z');
const links = new PersonLinks(store.system(), () => (clock += 1000));
afterAll(() => store.close());

const a = { mission: 'west', caseId: 'case:A1' };
const b = { mission: 'east', caseId: 'case:B1' };
const c = { mission: 'north', caseId: 'case:C1' };

describe('person links', () => {
  it('names one pair whichever way round', () => {
    expect(pairId(a, b)).toBe(pairId(b, a));
    expect(pairId(a, b)).not.toBe(pairId(a, c));
  });

  it('unlinks back to the decision before "same", and to undecided when there was none', async () => {
    await links.decide(a, b, 'different', 'admin');
    await links.decide(b, a, 'same', 'admin');
    expect(await links.link(pairId(a, b))).toBeDefined();
    const back = await links.unlink(pairId(a, b), 'admin');
    expect(back?.decision).toBe('different');
    expect(back?.history.map((h) => h.decision)).toEqual(['different', 'same', 'unlinked']);
    expect(await links.link(pairId(a, b))).toBeUndefined();

    await links.decide(a, c, 'same', 'admin');
    expect((await links.unlink(pairId(a, c), 'admin'))?.decision).toBeUndefined();
    expect(await links.unlink(pairId(a, c), 'admin')).toBeUndefined();
  });

  it('follows chains of links: one person met by three missions', async () => {
    await links.decide(a, b, 'same', 'admin');
    await links.decide(b, c, 'same', 'admin');
    const seen = (await links.linkedTo(a)).map((r) => r.mission).sort();
    expect(seen).toEqual(['east', 'north']);
    // A decision other than "same" removes the link.
    await links.decide(b, c, 'unsure', 'admin');
    expect((await links.linkedTo(a)).map((r) => r.mission)).toEqual(['east']);
  });
});
