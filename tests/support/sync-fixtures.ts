import { createHash } from 'node:crypto';
import { MemorySyncStorage, bodyOf, canonicalJson } from '@tern/sync';
import type { Body } from '@tern/sync';

/**
 * Shared helpers for fault tests and benchmarks: deterministic records, seeded randomness, and the
 * digest that says two stores hold the same documents.
 */

/** mulberry32: a small seeded PRNG, so a failing fault run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id, unique per (prefix, n), sorting by n. */
export function ulidFor(run: number, n: number): string {
  const enc = (v: number, len: number) => {
    let s = '';
    for (let i = 0; i < len; i++) {
      s = CROCKFORD[v % 32] + s;
      v = Math.floor(v / 32);
    }
    return s;
  };
  return '01J' + enc(run, 7) + enc(n, 16);
}

const COMMON = (
  'the interviewer recorded that person travelled by bus through border town where an agent ' +
  'promised work in construction agriculture domestic service factory fishing debt passport withheld ' +
  'wages unpaid hours threatened family contacted shelter referral medical legal return reintegration ' +
  'plan follow up consent given language interpreter mother father sister brother employer recruiter'
).split(' ');
const SYLLABLES = 'ka ri mo ta el an su bo ne li ha de mi ro za yu fa te no si ba du ke lo ma ni pa'.split(
  ' ',
);

/**
 * Words for free-text notes: common words and a long tail of names and places (pseudo-words), drawn
 * with a skew like real text, so notes compress about as well as real interview notes (≈3× with gzip)
 * rather than the 6–7× a small vocabulary gives.
 */
const WORDS = (() => {
  const rnd = seededRandom(7);
  const tail: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const len = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let j = 0; j < len; j++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    tail.push(rnd() < 0.3 ? w[0]!.toUpperCase() + w.slice(1) : w);
  }
  return [...COMMON, ...tail];
})();

function word(rnd: () => number): string {
  return rnd() < 0.45
    ? COMMON[Math.floor(rnd() * COMMON.length)]!
    : WORDS[Math.floor(WORDS.length * rnd() ** 1.5)]! +
        (rnd() < 0.08 ? ` ${Math.floor(rnd() * 10_000)}` : '');
}

/** A submission body of about `bytes` bytes of JSON, with text that compresses like real notes. */
export function recordBody(mission: string, i: number, bytes = 1024, seed = 1): Body {
  const rnd = seededRandom(seed * 1_000_003 + i);
  const head = {
    type: 'submission',
    mission,
    form: 'quick-screening@1',
    createdAt: '2026-11-20T10:00:00.000Z',
    device: 'dev-bench',
  };
  const answers: Record<string, unknown> = {
    full_name: `${word(rnd)} ${word(rnd)} ${i}`,
    interview_date: '2026-11-20',
    age: 18 + Math.floor(rnd() * 60),
    gender: ['woman', 'man', 'unknown'][Math.floor(rnd() * 3)],
    exploitation: ['forced_labour'],
  };
  const base = JSON.stringify({ ...head, answers: { ...answers, notes: '' } }).length;
  const words: string[] = [];
  let len = 0;
  while (len < Math.max(0, bytes - base - 60)) {
    const w = word(rnd);
    words.push(w);
    len += w.length + 1;
  }
  answers.notes = words.join(' ');
  return { ...head, answers };
}

/** Fill a device with `count` new records. */
export async function deviceWith(
  mission: string,
  count: number,
  opts: { run?: number; bytes?: number; from?: number } = {},
): Promise<MemorySyncStorage> {
  const dev = new MemorySyncStorage();
  await addRecords(dev, mission, count, opts);
  return dev;
}

export async function addRecords(
  dev: MemorySyncStorage,
  mission: string,
  count: number,
  opts: { run?: number; bytes?: number; from?: number } = {},
): Promise<void> {
  const from = opts.from ?? 0;
  for (let i = from; i < from + count; i++) {
    await dev.save(`sub:${ulidFor(opts.run ?? 1, i)}`, recordBody(mission, i, opts.bytes ?? 1024));
  }
}

export interface DocTriple {
  _id: string;
  _rev: string;
  body: Body;
}

/** SHA-256 over the canonical JSON of the {_id, _rev, body} set, sorted by id then rev. */
export function digestOf(docs: DocTriple[]): string {
  const sorted = [...docs].sort((a, b) =>
    a._id === b._id ? (a._rev < b._rev ? -1 : 1) : a._id < b._id ? -1 : 1,
  );
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}

export function deviceTriples(dev: MemorySyncStorage): DocTriple[] {
  return [...dev.docs.values()].map((d) => ({ _id: d.id, _rev: d.rev, body: d.body }));
}

export function wireTriples(docs: Array<Record<string, unknown>>): DocTriple[] {
  return docs.map((d) => ({ _id: String(d._id), _rev: String(d._rev), body: bodyOf(d) }));
}
