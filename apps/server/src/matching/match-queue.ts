import { type FieldEvidence, type MatchModel, type PersonRecord, MatchIndex, matchAll } from '@tern/matching';
import { evaluationSet } from '@tern/matching/testing';
import type { ServerStore } from '@tern/store';
import { type CasePerson, casePeople } from './case-people.ts';

/** A candidate pair of cases in two missions, with the model's evidence per field. */
export interface CandidatePair {
  /** `<key a>|<key b>`, the keys in sorted order. */
  readonly pair: string;
  readonly a: CasePerson;
  readonly b: CasePerson;
  readonly probability: number;
  readonly strong: boolean;
  readonly weight: number;
  readonly priorWeight: number;
  readonly fields: readonly FieldEvidence[];
}

export const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** The synthetic population the server's model is trained on until a deployment has its own (decision 181). */
const TRAINING = { seed: 20, records: 3000 };

let shared: { model: MatchModel; population: readonly PersonRecord[] } | undefined;
/** The model and its population, trained once per process (a few seconds) and only when first needed. */
function trained(): { model: MatchModel; population: readonly PersonRecord[] } {
  if (!shared) {
    const population = evaluationSet(TRAINING).records;
    shared = { model: matchAll(population, { seed: TRAINING.seed }).model, population };
  }
  return shared;
}

/**
 * The review queue's candidates: an index of every case of the missions matched, kept in memory and
 * brought up to date incrementally each time the queue is read — only cases that are new or whose
 * revision changed are matched again (one case: a few ms, docs/benchmarks.md), a deleted case leaves
 * with its pairs. Pairs within one mission are not proposed: the queue is about one person met by
 * several missions.
 */
export class MatchQueue {
  private index: MatchIndex | undefined;
  private readonly known = new Map<string, CasePerson>();
  private readonly pairs = new Map<string, CandidatePair>();
  /** Reads are serialised: two admins opening the queue at once update the index once each, in turn. */
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: ServerStore) {}

  private ready(): MatchIndex {
    if (!this.index) {
      const { model, population } = trained();
      this.index = new MatchIndex(model);
      this.index.seedFrequencies(population);
    }
    return this.index;
  }

  /** The current candidates among these missions' cases, best first. */
  candidates(missions: readonly string[]): Promise<CandidatePair[]> {
    const run = this.busy.then(() => this.refresh(missions));
    this.busy = run.catch(() => undefined);
    return run;
  }

  /** The case a key names, as last read (undefined when it is not a current case). */
  caseOf(key: string): CasePerson | undefined {
    return this.known.get(key);
  }

  private async refresh(missions: readonly string[]): Promise<CandidatePair[]> {
    const index = this.ready();
    const current = new Map<string, CasePerson>();
    for (const m of missions)
      for (const c of await casePeople(this.store.mission(m), m)) current.set(c.key, c);
    const inScope = new Set(missions);
    for (const [key, c] of this.known)
      if (inScope.has(c.mission) && current.get(key)?.rev !== c.rev) this.forget(key, index);
    for (const c of current.values()) {
      if (this.known.has(c.key)) continue;
      for (const cand of index.match(c.person)) {
        const other = this.known.get(cand.person.id);
        if (!other || other.mission === c.mission) continue;
        const pair = pairKey(c.key, other.key);
        const [a, b] = c.key < other.key ? [c, other] : [other, c];
        this.pairs.set(pair, {
          pair,
          a,
          b,
          probability: cand.score.probability,
          strong: cand.strong,
          weight: cand.score.weight,
          priorWeight: cand.score.priorWeight,
          fields: cand.score.fields,
        });
      }
      index.add(c.person);
      this.known.set(c.key, c);
    }
    return [...this.pairs.values()]
      .filter((p) => inScope.has(p.a.mission) && inScope.has(p.b.mission))
      .sort((x, y) => y.probability - x.probability || x.pair.localeCompare(y.pair));
  }

  private forget(key: string, index: MatchIndex): void {
    index.delete(key);
    this.known.delete(key);
    for (const [pair, p] of this.pairs) if (p.a.key === key || p.b.key === key) this.pairs.delete(pair);
  }
}
