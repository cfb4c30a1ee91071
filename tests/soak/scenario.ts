import type { Body } from '@tern/sync';
import type { Direction } from '../support/link-shaper.ts';

/**
 * One run of the fault campaign, drawn from a seeded generator: which faults it mixes and where they
 * strike. Everything a run does follows from (campaign seed, run number), so `--seed S --only N`
 * replays run N exactly (the server's timing aside: a kill lands on a byte offset, not an instruction).
 */
export interface Scenario {
  run: number;
  /** New records device A makes before its first sync. */
  records: number;
  /** Records all three devices hold, then edit offline. */
  shared: number;
  /** `fields`: each device edits its own field (merged); `same`: all edit one field (open conflict). */
  edits: 'fields' | 'same';
  batchDocs: number;
  /** Kill the server (SIGKILL) once this many bytes of A's first push went up. */
  killAtUp: number | null;
  /** Cut the connection carrying this byte, in either direction, during the offline devices' sync. */
  cut: { direction: Direction; atByte: number } | null;
  /** Send every pushed batch twice. */
  repeat: boolean;
  /** Deliver one of A's first batches again, late, after the devices' edits (a stale batch). */
  reorder: boolean;
  /** Device clock offsets in days (A, B, C). */
  skewDays: [number, number, number];
  /** Documents the disk still has room for when A's first push starts (null: room enough). */
  diskFullAfter: number | null;
  /** The order in which B, C and A sync after their offline edits. */
  order: Array<0 | 1 | 2>;
}

export function drawScenario(rnd: () => number, run: number): Scenario {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const records = int(4, 20);
  const batchDocs = int(3, 8);
  const order = [0, 1, 2] as Array<0 | 1 | 2>;
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return {
    run,
    records,
    shared: int(1, 3),
    edits: rnd() < 0.5 ? 'fields' : 'same',
    batchDocs,
    // About 250 bytes a record go up gzipped: strike somewhere inside the push.
    killAtUp: rnd() < 0.12 ? int(1, records * 250) : null,
    cut: rnd() < 0.5 ? { direction: rnd() < 0.5 ? 'up' : 'down', atByte: int(1, 6_000) } : null,
    repeat: rnd() < 0.35,
    reorder: rnd() < 0.35,
    skewDays: [pick([-1, 0, 1]), pick([-1, 0, 1]), pick([-1, 0, 1])],
    diskFullAfter: rnd() < 0.2 ? int(0, batchDocs + 2) : null,
    order,
  };
}

/** A one-line description for the campaign's log. */
export function describeScenario(s: Scenario): string {
  const parts = [`${s.records}+${s.shared} records`, `batch ${s.batchDocs}`, `edits ${s.edits}`];
  if (s.killAtUp !== null) parts.push(`kill@${s.killAtUp}B`);
  if (s.cut) parts.push(`cut ${s.cut.direction}@${s.cut.atByte}B`);
  if (s.repeat) parts.push('repeat');
  if (s.reorder) parts.push('reorder');
  if (s.diskFullAfter !== null) parts.push(`disk full after ${s.diskFullAfter} docs`);
  parts.push(`skew ${s.skewDays.join('/')}d`);
  return parts.join(', ');
}

const GENDERS = ['woman', 'man', 'unknown'];
/** Device k's offline edit of a shared record: its own field, or (`same`) everybody's notes. */
export function offlineEdit(body: Body, k: number, mode: Scenario['edits']): Body {
  const answers = { ...(body.answers as Record<string, unknown>) };
  if (mode === 'same' || k === 0) answers.notes = `edited offline on device ${'ABC'[k]}`;
  else if (k === 1) answers.age = Number(answers.age) === 99 ? 98 : 99;
  else answers.gender = GENDERS[(GENDERS.indexOf(String(answers.gender)) + 1) % 3];
  return { ...body, answers };
}
