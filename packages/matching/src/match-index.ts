import { type BlockingOptions, DEFAULT_BLOCKING, blockingKeys } from './blocking.ts';
import { type MatchModel, type PairScore, comparisonVector, explain } from './fellegi-sunter.ts';
import { NameFrequencies } from './name-frequencies.ts';
import type { PersonRecord } from './person.ts';
import { type PreparedPerson, prepare } from './prepare.ts';

export interface Candidate {
  readonly person: PersonRecord;
  readonly score: PairScore;
  /** At or above the auto-candidate threshold: shown first, still decided by a person. */
  readonly strong: boolean;
}

/**
 * Incremental matching: the people already known, by blocking key, and a trained model. A new
 * person is compared with those sharing a key and the candidates at or above the review threshold
 * are returned with their explanation. A key shared by more than `maxBlock` people contributes only
 * those who share a second key with the new person or have the same name skeletons (the batch run
 * uses a sorted neighbourhood there; one person has no neighbourhood to sort).
 */
export class MatchIndex {
  private readonly people: PreparedPerson[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();
  private readonly frequencies = new NameFrequencies();

  constructor(
    private readonly model: MatchModel,
    private readonly blocking: BlockingOptions = DEFAULT_BLOCKING,
  ) {}

  get size(): number {
    return this.people.length;
  }

  /**
   * Counts these people's names in the name frequencies without indexing them: a small index (a new
   * deployment) would otherwise find every name rare, or every name common. The server seeds it with
   * the population its model was trained on (decision 181).
   */
  seedFrequencies(records: readonly PersonRecord[]): void {
    for (const r of records) this.frequencies.add(prepare(r));
  }

  /** Whether a person with this id is indexed. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Removes a person by id (a deleted case); absent: nothing happens. */
  delete(id: string): void {
    if (this.byId.has(id)) this.remove(id);
  }

  /** Adds (or replaces, by id) a person; a bad record throws TERN_MATCHING_BAD_INPUT and adds nothing. */
  add(record: PersonRecord): void {
    const p = prepare(record);
    if (this.byId.has(record.id)) this.remove(record.id);
    const index = this.people.length;
    this.people.push(p);
    this.byId.set(record.id, index);
    this.frequencies.add(p);
    for (const k of blockingKeys(p)) {
      const list = this.byKey.get(k);
      if (list) list.push(index);
      else this.byKey.set(k, [index]);
    }
  }

  private remove(id: string): void {
    const index = this.byId.get(id)!;
    this.frequencies.remove(this.people[index]!);
    for (const k of blockingKeys(this.people[index]!)) {
      const list = this.byKey.get(k)!;
      list.splice(list.indexOf(index), 1);
    }
    this.byId.delete(id);
  }

  /** The candidates for a person (not added), best first. */
  match(record: PersonRecord): Candidate[] {
    const p = prepare(record);
    // Everyone in an uncrowded block is a candidate; from crowded blocks, only people met twice or
    // with the same name skeletons.
    const candidates = new Set<number>();
    const crowded = new Map<number, number>();
    for (const k of blockingKeys(p)) {
      const list = this.byKey.get(k);
      if (!list) continue;
      if (list.length <= this.blocking.maxBlock) for (const i of list) candidates.add(i);
      else
        for (const i of list)
          // The same name skeletons whatever the date (the batch run's name-sorted pass).
          if (this.people[i]!.skeletonKey === p.skeletonKey) candidates.add(i);
          else crowded.set(i, (crowded.get(i) ?? 0) + 1);
    }
    for (const [i, times] of crowded) if (times >= 2) candidates.add(i);
    const out: Candidate[] = [];
    for (const i of candidates) {
      const other = this.people[i]!;
      if (other.record.id === record.id || this.byId.get(other.record.id) !== i) continue;
      const v = comparisonVector(p, other);
      const score = explain(this.model, v, this.frequencies.of(p, other, v[0]!, false));
      if (score.probability < this.model.thresholds.review) continue;
      out.push({
        person: other.record,
        score,
        strong: score.probability >= this.model.thresholds.autoCandidate,
      });
    }
    return out.sort((x, y) => y.score.probability - x.score.probability);
  }
}
