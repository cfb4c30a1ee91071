import fc from 'fast-check';
import { CaseBody } from '@tern/cases';
import { bodyOf, nextRevision, winningRev } from '@tern/sync';
import type { Body, Revisions, WireDoc } from '@tern/sync';
import { arbitraryFor } from './zod-arbitrary.ts';
import { deepArb, hugeArrayArb, realize, underscoreFieldArb, wrongTypeArb } from './hostile-values.ts';

/**
 * A pushed document as a recipe (pure data: printable and shrinkable), turned into a concrete document
 * only when sent, against the store as it is then (`materializeDoc`). So "an edit of the approved
 * record" stays an edit of its current winner however many runs came before.
 */
export const TARGETS = [
  'new',
  'own',
  'others',
  'approved',
  'tombstone',
  'conflicted',
  'case',
  'otherMission',
] as const;
export type Target = (typeof TARGETS)[number];

/**
 * How the revision and its history are made: a proper edit of the winner; the winner's own rev again;
 * `999-fff…` with a one-id history; a history whose start does not match `_rev`; a chain of made-up
 * ancestors longer than the real one (hash-correct, so it passes rev verification) that connects
 * nowhere; a one-id history a few generations on (`{start: 7, ids: [one]}`: a "truncated" history,
 * whose hash cannot be checked); no `_revisions` at all.
 */
export const HISTORIES = [
  'edit',
  'same-rev',
  'forged-999',
  'truncated',
  'start-mismatch',
  'disconnected',
  'omitted',
] as const;
export type History = (typeof HISTORIES)[number];

export interface DocRecipe {
  target: Target;
  history: History;
  deleted: boolean;
  /** Keep the winner's body, or write new answers (submissions) / a new body. */
  body: 'keep' | 'new-answers' | 'empty';
  answers: Record<string, unknown>;
  review: 'none' | 'submitted' | 'approved' | 'returned';
  /** Fields added to the body before hashing (so the rev still verifies), `_` fields after. */
  extras: Array<[string, unknown]>;
  /** Replace the id with an odd one (the document is then "new" to the store). */
  oddId?: string;
}

export interface LeafDoc {
  rev: string;
  deleted: boolean;
  revisions: Revisions;
  body: Body;
}

/** What materialising needs to know about the store: the seeded targets and a document's leaves. */
export interface World {
  target(t: Exclude<Target, 'new'>): { mission: string; id: string };
  leaves(mission: string, id: string): Promise<LeafDoc[]>;
  newId(kind: 'sub' | 'case'): string;
}

export const answersArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    full_name: fc.string({ minLength: 1, maxLength: 30 }),
    interview_date: fc.constant('2026-11-20'),
    age: fc.integer({ min: 0, max: 120 }),
  },
  { requiredKeys: ['full_name', 'interview_date'] },
);

/**
 * Any code point, lone surrogates and NUL included: what fast-check's `unit: 'binary'` gives, without
 * the table it builds for it (every one of the 1.1 million code points mapped back to its index, about
 * 190 MB of heap held for the life of the process, and over a second to build: decision 224).
 */
export const anyCodePointArb: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((c) => String.fromCodePoint(c));

export const oddIdArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('_changes', '_design/x', '_local/x', '_all_docs', '', ' ', 'sub:', '../x', 'sub:%00'),
  fc.constant('sub:' + 'A'.repeat(5_000)),
  fc.string({ unit: anyCodePointArb, minLength: 1, maxLength: 40 }).map((s) => `sub:${s}`),
  fc.constantFrom('sub:01J0000000000000000000000Ü', 'case:😀😀😀', 'sub:\u202e\u0000'),
);

const extraArb: fc.Arbitrary<[string, unknown]> = fc.oneof(
  underscoreFieldArb,
  fc.tuple(fc.constantFrom('deep', 'answers', 'mission', 'notes'), deepArb),
  fc.tuple(fc.constantFrom('list', 'answers', 'history'), hugeArrayArb),
  fc.tuple(fc.constantFrom('answers', 'mission', 'form', 'type', 'createdAt', 'review', 'pii'), wrongTypeArb),
);

export function docRecipeArb(
  opts: {
    targets?: readonly Target[];
    histories?: readonly History[];
    extras?: fc.Arbitrary<[string, unknown]>;
    /** How often an odd id replaces the target's (0: never). */
    oddIds?: number;
  } = {},
): fc.Arbitrary<DocRecipe> {
  const odd = opts.oddIds ?? 0;
  return fc
    .record({
      target: fc.constantFrom(...(opts.targets ?? TARGETS)),
      history: fc.constantFrom(...(opts.histories ?? HISTORIES)),
      deleted: fc.oneof(
        { arbitrary: fc.constant(false), weight: 3 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
      body: fc.oneof(
        { arbitrary: fc.constantFrom<DocRecipe['body']>('keep', 'new-answers'), weight: 4 },
        { arbitrary: fc.constant<DocRecipe['body']>('empty'), weight: 1 },
      ),
      answers: answersArb,
      review: fc.constantFrom<DocRecipe['review']>('none', 'submitted', 'approved', 'returned'),
      extras: fc.array(opts.extras ?? extraArb, { maxLength: 2 }),
      oddId:
        odd > 0
          ? fc.oneof(
              { arbitrary: fc.constant(undefined), weight: Math.round((1 - odd) * 10) },
              { arbitrary: oddIdArb, weight: Math.round(odd * 10) },
            )
          : fc.constant(undefined),
    })
    .map(({ oddId, ...r }) => (oddId === undefined ? r : { ...r, oddId }));
}

const caseBodyArb = arbitraryFor(CaseBody);

/** A fresh, valid body for a new document of this kind (used for target `new`). */
function freshBody(
  kind: 'sub' | 'case',
  mission: string,
  answers: Record<string, unknown>,
  seed: number,
): Body {
  if (kind === 'case') {
    const [sample] = fc.sample(caseBodyArb, { seed, numRuns: 1 }) as Body[];
    return { ...sample, type: 'case', mission };
  }
  return {
    type: 'submission',
    mission,
    form: 'quick-screening@1',
    answers,
    createdAt: '2026-11-20T10:00:00.000Z',
    device: 'dev-hostile',
  };
}

const fff = 'f'.repeat(32);
const fakeHash = (i: number) => (i.toString(16) + 'a'.repeat(32)).slice(0, 32);

/** The concrete document a recipe stands for, pushed to `mission`, and its id. */
export async function materializeDoc(r: DocRecipe, mission: string, world: World): Promise<WireDoc> {
  const t = r.target === 'new' ? null : world.target(r.target);
  const id = r.oddId ?? t?.id ?? world.newId('sub');
  const leaves = t ? await world.leaves(t.mission, t.id) : [];
  const base = leaves.length ? leaves.find((l) => l.rev === winningRev(leaves).rev) : undefined;
  let body: Body =
    r.body === 'empty'
      ? {}
      : base && r.body === 'keep'
        ? { ...base.body }
        : base
          ? { ...base.body, ...(base.body.type === 'submission' ? { answers: r.answers } : {}) }
          : freshBody(
              id.startsWith('case:') ? 'case' : 'sub',
              mission,
              r.answers,
              Number(r.answers.age ?? 0),
            );
  if (r.review !== 'none' && body.type === 'submission')
    body = { ...body, review: { state: r.review, by: 'someone', at: '2026-11-21T10:00:00.000Z' } };
  // Hashed over the real value (deep ones built iteratively) so the rev verifies where it can.
  for (const [k, v] of r.extras) if (!k.startsWith('_')) body[k] = realize(v);

  const parent = base ? { rev: base.rev, revisions: base.revisions } : null;
  let rev: string;
  let revisions: Revisions | undefined;
  switch (r.history) {
    case 'edit':
      ({ rev, revisions } = nextRevision(parent, body, { deleted: r.deleted }));
      break;
    case 'same-rev':
      ({ rev, revisions } = parent ?? nextRevision(null, body, { deleted: r.deleted }));
      break;
    case 'forged-999':
      rev = `999-${fff}`;
      revisions = { start: 999, ids: [fff] };
      break;
    case 'truncated': {
      const gen = (base ? base.revisions.start : 0) + 6;
      const hash = fakeHash(gen + 0xabc);
      rev = `${gen}-${hash}`;
      revisions = { start: gen, ids: [hash] };
      break;
    }
    case 'start-mismatch': {
      const next = nextRevision(parent, body, { deleted: r.deleted });
      rev = next.rev;
      revisions = { start: next.revisions.start + 5, ids: next.revisions.ids };
      break;
    }
    case 'disconnected': {
      // Made-up ancestors, one generation more than the real winner: hash-correct, connected to nothing.
      const gen = (base ? base.revisions.start : 0) + 1;
      const ids = Array.from({ length: gen }, (_, i) => fakeHash(gen - i));
      ({ rev, revisions } = nextRevision({ rev: `${gen}-${ids[0]}`, revisions: { start: gen, ids } }, body, {
        deleted: r.deleted,
      }));
      break;
    }
    case 'omitted':
      ({ rev } = nextRevision(parent, body, { deleted: r.deleted }));
      revisions = undefined;
      break;
  }
  const doc: WireDoc = {
    _id: id,
    _rev: rev,
    ...(revisions ? { _revisions: revisions } : {}),
    ...body,
  } as WireDoc;
  if (r.deleted) doc._deleted = true;
  for (const [k, v] of r.extras) if (k.startsWith('_')) (doc as Record<string, unknown>)[k] = v;
  return doc;
}

/** The leaves of a stored document as `LeafDoc`s, from PouchDB's `open_revs=all&revs=true` answer. */
export function leavesFromOpenRevs(found: Array<{ ok?: WireDoc }>): LeafDoc[] {
  return found.flatMap((f) =>
    f.ok
      ? [{ rev: f.ok._rev, deleted: f.ok._deleted === true, revisions: f.ok._revisions, body: bodyOf(f.ok) }]
      : [],
  );
}
