import { createHash } from 'node:crypto';
import type { DocStore, StoredDoc } from '@tern/store';

export type MatchDecision = 'same' | 'different' | 'unsure';

export interface CaseRef {
  readonly mission: string;
  readonly caseId: string;
}

/** One decision on a pair, kept in order: unlinking goes back to the one before "same". */
export interface DecisionEntry {
  readonly decision: MatchDecision | 'unlinked';
  readonly by: string;
  readonly at: string;
}

/**
 * A reviewer's decision on a pair of cases (`matchpair:<id>`), and, while it is "same", the person
 * link (`personlink:<id>`): a document of its own in the server's system database, never a change
 * to either case and never synced to a device (decision 182). Unlinking removes the link and puts
 * the pair back to the decision it had before "same" (or undecided).
 */
export interface PairDoc extends StoredDoc {
  type: 'match-pair';
  a: CaseRef;
  b: CaseRef;
  /** The current decision; absent when the pair is undecided again (unlinked with nothing before). */
  decision?: MatchDecision;
  history: DecisionEntry[];
}

export interface LinkDoc extends StoredDoc {
  type: 'person-link';
  a: CaseRef;
  b: CaseRef;
  by: string;
  at: string;
}

const refKey = (r: CaseRef) => `${r.mission}/${r.caseId}`;
/** The pair's id: a hash of both cases in sorted order, so (a, b) and (b, a) are one pair. */
export function pairId(x: CaseRef, y: CaseRef): string {
  const [p, q] = [refKey(x), refKey(y)].sort();
  return createHash('sha256').update(`${p}|${q}`).digest('hex').slice(0, 32);
}
const ordered = (x: CaseRef, y: CaseRef): [CaseRef, CaseRef] => (refKey(x) < refKey(y) ? [x, y] : [y, x]);

/** Pages through every document of a kind, bounded (a deployment has far fewer). */
async function listAll<T extends StoredDoc>(sys: DocStore, prefix: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const docs = await sys.list<T>(prefix, { limit: 500, ...(cursor && { cursor }) });
    out.push(...docs);
    if (docs.length < 500) break;
    cursor = docs[docs.length - 1]!._id;
  }
  return out;
}

export class PersonLinks {
  constructor(
    private readonly sys: DocStore,
    private readonly now: () => number,
  ) {}

  pairs(): Promise<PairDoc[]> {
    return listAll<PairDoc>(this.sys, 'matchpair:');
  }

  links(): Promise<LinkDoc[]> {
    return listAll<LinkDoc>(this.sys, 'personlink:');
  }

  link(id: string): Promise<LinkDoc | undefined> {
    return this.sys.get<LinkDoc>(`personlink:${id}`);
  }

  /** Records a decision; "same" creates the link, any other decision removes one. */
  async decide(x: CaseRef, y: CaseRef, decision: MatchDecision, by: string): Promise<PairDoc> {
    const id = pairId(x, y);
    const [a, b] = ordered(x, y);
    const at = new Date(this.now()).toISOString();
    const old = await this.sys.get<PairDoc>(`matchpair:${id}`);
    const doc: PairDoc = {
      ...(old ?? { _id: `matchpair:${id}`, type: 'match-pair', a, b, history: [] }),
      decision,
      history: [...(old?.history ?? []), { decision, by, at }],
    };
    await this.sys.put(doc);
    const link = await this.link(id);
    if (decision === 'same' && !link)
      await this.sys.create({ _id: `personlink:${id}`, type: 'person-link', a, b, by, at } satisfies LinkDoc);
    if (decision !== 'same' && link) await this.sys.remove(link._id, link._rev);
    return (await this.sys.get<PairDoc>(`matchpair:${id}`))!;
  }

  /** Removes a link; the pair's decision goes back to the one before its last "same". */
  async unlink(id: string, by: string): Promise<PairDoc | undefined> {
    const link = await this.link(id);
    if (!link) return undefined;
    await this.sys.remove(link._id, link._rev);
    const pair = await this.sys.get<PairDoc>(`matchpair:${id}`);
    if (!pair) return undefined;
    const lastSame = pair.history.map((h) => h.decision).lastIndexOf('same');
    // The state just before that "same": a decision, or undecided (nothing, or an earlier unlink).
    const before = lastSame > 0 ? pair.history[lastSame - 1]!.decision : undefined;
    const at = new Date(this.now()).toISOString();
    const { decision: _dropped, ...rest } = pair;
    const next: PairDoc = {
      ...rest,
      ...(before && before !== 'unlinked' && before !== 'same' && { decision: before }),
      history: [...pair.history, { decision: 'unlinked', by, at }],
    };
    await this.sys.put(next);
    return next;
  }

  /**
   * The cases linked to one case, through any chain of links (one person met by three missions is
   * two links), the case itself left out.
   */
  async linkedTo(ref: CaseRef): Promise<CaseRef[]> {
    const adjacent = new Map<string, CaseRef[]>();
    const refs = new Map<string, CaseRef>();
    for (const l of await this.links()) {
      for (const [p, q] of [
        [l.a, l.b],
        [l.b, l.a],
      ] as const) {
        refs.set(refKey(p), p);
        adjacent.set(refKey(p), [...(adjacent.get(refKey(p)) ?? []), q]);
      }
    }
    const start = refKey(ref);
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const next of adjacent.get(queue.shift()!) ?? []) {
        if (seen.has(refKey(next))) continue;
        seen.add(refKey(next));
        queue.push(refKey(next));
      }
    }
    seen.delete(start);
    return [...seen].map((k) => refs.get(k)!);
  }
}
