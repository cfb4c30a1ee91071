import { DEMO } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { Tablet, doorTriples, relayCaughtUp, relaySyncNow } from '../support/relay-stack.ts';

/** One way of getting the tablets' records to headquarters, timed to the moment headquarters holds them. */
export interface ThroughputRun {
  label: string;
  records: number;
  /** Tablets' syncs, all at once, until the last one ends. */
  tabletSeconds: number;
  /** From the first tablet sync to every record at headquarters (the relay's passes included). */
  totalSeconds: number;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function countAt(url: string, token: string): Promise<number> {
  return (await doorTriples(url, token)).length;
}

/**
 * `tablets` tablets (the project's device replicator, in this process) each write `each` records and
 * sync at once, through the compact door of `via`. With a relay, the relay then runs passes until
 * nothing is pending (the pass is asked for, as a data officer's "sync now": the bench measures the
 * work, not the 30-second schedule). Ends when headquarters holds every record, checked by count.
 */
export async function throughputRun(opts: {
  label: string;
  hq: ServerHandle;
  via: ServerHandle;
  relay: boolean;
  tablets: number;
  each: number;
  run: number;
  before: number;
}): Promise<ThroughputRun> {
  const iv = await bearerToken(opts.via.url, DEMO.interviewer.username, DEMO.interviewer.password);
  const officer = await bearerToken(opts.via.url, DEMO.officer.username, DEMO.officer.password);
  const hqOfficer = await bearerToken(opts.hq.url, DEMO.officer.username, DEMO.officer.password);
  const tablets = Array.from(
    { length: opts.tablets },
    (_, i) => new Tablet(`bench-${opts.run}-${i}`, opts.run * 100 + i),
  );
  for (const t of tablets) await t.write(opts.each);
  const t0 = performance.now();
  await Promise.all(tablets.map((t) => t.sync(opts.via.url, iv)));
  const tabletSeconds = seconds(t0);
  if (opts.relay) await relayCaughtUp(opts.via.url, officer, 600_000);
  const totalSeconds = seconds(t0);
  const expected = opts.before + opts.tablets * opts.each;
  const held = await countAt(opts.hq.url, hqOfficer);
  if (held !== expected)
    throw new Error(`${opts.label}: headquarters holds ${held} records, expected ${expected}`);
  return { label: opts.label, records: opts.tablets * opts.each, tabletSeconds, totalSeconds };
}

/** The relay's first pass is done (accounts mirrored, nothing pending): the bench starts from there. */
export async function relayReady(relay: ServerHandle): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const officer = await bearerToken(relay.url, DEMO.officer.username, DEMO.officer.password);
      await relaySyncNow(relay.url, officer);
      await relayCaughtUp(relay.url, officer, 600_000);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export function printThroughput(runs: ThroughputRun[]): void {
  const direct = runs.find((r) => r.label.startsWith('direct'))!;
  console.log('\n| path | records | tablets done s | at HQ s | records/s to HQ | ratio to direct |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    const rate = r.records / r.totalSeconds;
    const ratio = rate / (direct.records / direct.totalSeconds);
    console.log(
      `| ${r.label} | ${r.records} | ${r.tabletSeconds.toFixed(2)} | ${r.totalSeconds.toFixed(2)} | ` +
        `${rate.toFixed(0)} | ${ratio.toFixed(2)} |`,
    );
  }
}
