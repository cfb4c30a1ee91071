import { statfs } from 'node:fs/promises';
import type { ServerStore } from '@tern/store';

/** One check of readiness: what was asked, whether it answered in time, and what is wrong in words. */
export interface ReadinessCheck {
  name: string;
  ok: boolean;
  ms: number;
  /** In plain words, for the operator: what is wrong and what to look at. Absent when ok. */
  problem?: string;
  /** Mission ids behind a problem: for the server log only, never in the open answer. */
  missions?: string[];
}

export interface ReadinessOptions {
  /** The data folder whose free space is checked (the embedded store's disk). */
  dataDir?: string;
  /** Below this many free bytes the server is not ready: writes would start failing. 200 MB by default. */
  minFreeBytes?: number;
  /** A store that does not answer within this is counted as not answering. 2 s by default. */
  timeoutMs?: number;
}

export const DEFAULT_MIN_FREE_BYTES = 200 * 1024 * 1024;

class Timeout extends Error {}

async function timed(
  timeoutMs: number,
  work: () => Promise<unknown>,
): Promise<{ ms: number; error?: unknown }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Timeout()), timeoutMs);
      }),
    ]);
    return { ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { ms: Math.round(performance.now() - start), error };
  } finally {
    clearTimeout(timer);
  }
}

function why(error: unknown, timeoutMs: number): string {
  if (error instanceof Timeout) return `no answer within ${timeoutMs} ms`;
  return error instanceof Error ? error.message : String(error);
}

function mb(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

/**
 * Ask every store for one small read (reads only: a readiness probe never writes) and look at the
 * disk. The server's startup check and `GET /api/ready` both use it.
 */
export async function checkReadiness(
  store: ServerStore,
  missions: string[],
  opts: ReadinessOptions = {},
): Promise<{ ready: boolean; checks: ReadinessCheck[] }> {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const checks: ReadinessCheck[] = [];
  const one = async (name: string, work: () => Promise<unknown>, what: string) => {
    const r = await timed(timeoutMs, work);
    checks.push(
      r.error === undefined
        ? { name, ok: true, ms: r.ms }
        : { name, ok: false, ms: r.ms, problem: `${what}: ${why(r.error, timeoutMs)}` },
    );
  };
  await one(
    'system store',
    () => store.system().list('mission:', { limit: 1 }),
    'accounts and sessions cannot be read',
  );
  await one('forms store', () => store.forms().list('', { limit: 1 }), 'published forms cannot be read');

  // Missions one after the other: a probe must not become a load of its own on a big server.
  const failed: string[] = [];
  const start = performance.now();
  let lastError = '';
  for (const m of missions) {
    const r = await timed(timeoutMs, async () => {
      await store.mission(m).updateSeq();
      await store.ops(m).list('', { limit: 1 });
    });
    if (r.error !== undefined) {
      failed.push(m);
      lastError = why(r.error, timeoutMs);
    }
  }
  checks.push({
    name: 'mission stores',
    ok: failed.length === 0,
    ms: Math.round(performance.now() - start),
    ...(failed.length
      ? {
          problem: `${failed.length} of ${missions.length} missions' records cannot be read (last error: ${lastError}); the server log names them`,
          missions: failed,
        }
      : {}),
  });

  if (opts.dataDir !== undefined) {
    const dir = opts.dataDir;
    const min = opts.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
    let free = 0;
    const r = await timed(timeoutMs, async () => {
      const s = await statfs(dir);
      free = s.bavail * s.bsize;
    });
    checks.push(
      r.error !== undefined
        ? {
            name: 'disk',
            ok: false,
            ms: r.ms,
            problem: `the data folder cannot be examined: ${why(r.error, timeoutMs)}`,
          }
        : free < min
          ? {
              name: 'disk',
              ok: false,
              ms: r.ms,
              problem: `the data folder's disk is nearly full: ${mb(free)} free, ${mb(min)} needed; free space or move the data folder`,
            }
          : { name: 'disk', ok: true, ms: r.ms },
    );
  }
  return { ready: checks.every((c) => c.ok), checks };
}
