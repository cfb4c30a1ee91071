import { join } from 'node:path';
import { startShaper } from './link-shaper.ts';
import type { LinkProfile, ShaperOptions, ShaperStats } from './link-shaper.ts';
import type { RequestSpan } from './round-trips.ts';
import { forkWorker } from './worker-rpc.ts';

/** What a shaper saw over its life: the counters and every HTTP request (for round trips). */
export interface ShaperReport {
  stats: ShaperStats;
  requests: RequestSpan[];
  /** Why connections were reset by one of their ends (`LinkShaper.failures`). */
  failures: string[];
}

/** A link shaper wherever it runs: in this process or in one of its own. */
export interface ShaperHandle {
  readonly port: number;
  readonly url: string;
  /** The process it runs in (this one's pid for `this`). */
  readonly pid: number;
  report(): Promise<ShaperReport>;
  close(): Promise<void>;
}

/**
 * Start a shaper in front of `targetPort`, in a process of its own (`own`, the default) or in this
 * one (`this`). In its own process nothing else runs on its event loop, so its timers (and with them
 * the link) are not held up by the client's or the server's work.
 */
export async function startShaperHandle(
  targetPort: number,
  profile: LinkProfile,
  where: 'own' | 'this' = 'own',
  opts: Omit<ShaperOptions, 'targetPort' | 'profile'> = {},
): Promise<ShaperHandle> {
  if (where === 'this') {
    const s = await startShaper(targetPort, profile, opts);
    return {
      port: s.port,
      url: s.url,
      pid: process.pid,
      report: async () => ({ stats: s.snapshot(), requests: [...s.requests], failures: [...s.failures] }),
      close: () => s.close(),
    };
  }
  const worker = await forkWorker(join(import.meta.dirname, 'shaper-worker.ts'));
  try {
    const port = await worker.call<number>('start', targetPort, profile, opts);
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      pid: worker.pid,
      report: () => worker.call<ShaperReport>('report'),
      async close() {
        await worker.call('close');
        await worker.stop();
      },
    };
  } catch (e) {
    await worker.stop();
    throw e;
  }
}
