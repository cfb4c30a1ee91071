/**
 * The server's side of a first pull (issue 18, decision 227): how fast a Tern server answers the
 * compact door's full pages (5,000 changes from `since: null` to the end) to a data officer's device,
 * beside the baseline of the same documents read through its CouchDB door (`_changes?include_docs`,
 * PouchDB's own reading, no history, no view, no conflict notes). Each answer is read to its end, as
 * the device reads it; with brotli (what a browser is given), gzip, and no compression. Two rounds after
 * a warm-up, each run beside the baseline of its round. `npm run bench:relay -- --part serve`.
 */
import { DEMO } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';

export interface ServeRun {
  label: string;
  docs: number;
  seconds: number;
  pages: number;
}

/** Every page of the compact door from `since: null`, `pullLimit` changes a page. */
export async function compactPull(
  url: string,
  token: string,
  encoding: string,
  label: string,
  pullLimit = 5000,
): Promise<ServeRun> {
  const device = `bench-serve-${Math.random().toString(36).slice(2, 10)}`;
  let since: string | null = null;
  let docs = 0;
  let pages = 0;
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    const res = await fetch(`${url}/api/sync/demo`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-encoding': encoding,
      },
      body: JSON.stringify({ protocol: 1, device, docs: [], since, pullLimit }),
    });
    if (!res.ok) throw new Error(`sync: ${res.status} ${await res.text()}`);
    const page = JSON.parse(await res.text()) as {
      changes: unknown[];
      checkpoint: string;
      more: boolean;
    };
    docs += page.changes.length;
    pages++;
    since = page.checkpoint;
    if (!page.more) break;
  }
  return { label, docs, seconds: (performance.now() - t0) / 1000, pages };
}

/** The baseline: the same documents through the CouchDB door, 5,000 a page, bodies included. */
export async function couchPull(url: string, token: string, encoding: string): Promise<ServeRun> {
  let since: string | number = 0;
  let docs = 0;
  let pages = 0;
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    const res = await fetch(
      `${url}/couch/demo/_changes?include_docs=true&limit=5000&since=${encodeURIComponent(String(since))}`,
      { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } },
    );
    if (!res.ok) throw new Error(`_changes: ${res.status} ${await res.text()}`);
    const page = JSON.parse(await res.text()) as { results: unknown[]; last_seq: string | number };
    if (page.results.length === 0) break;
    docs += page.results.length;
    pages++;
    since = page.last_seq;
  }
  return {
    label: `baseline: CouchDB door _changes?include_docs (${encoding})`,
    docs,
    seconds: (performance.now() - t0) / 1000,
    pages,
  };
}

export async function serveRuns(server: ServerHandle, rounds = 2): Promise<ServeRun[]> {
  const token = await bearerToken(server.url, DEMO.officer.username, DEMO.officer.password);
  const runs: ServeRun[] = [];
  // A warm-up pass (LevelDB's caches, the JIT), not reported.
  await compactPull(server.url, token, 'identity', 'warm-up');
  for (let r = 0; r < rounds; r++) {
    runs.push(await couchPull(server.url, token, 'identity'));
    runs.push(await compactPull(server.url, token, 'identity', 'Tern compact door, 5,000 a page (identity)'));
    runs.push(
      await compactPull(server.url, token, 'gzip, deflate, br', 'Tern compact door, 5,000 a page (br)'),
    );
    runs.push(await compactPull(server.url, token, 'gzip', 'Tern compact door, 5,000 a page (gzip)'));
  }
  return runs;
}

export function printServe(runs: ServeRun[]): void {
  console.log('\n| server answering a first pull | docs | pages | seconds | docs/s | vs baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  // Each run against the baseline run just before it (the same round), as time per document.
  let base: ServeRun | undefined;
  for (const r of runs) {
    if (r.label.startsWith('baseline')) base = r;
    const perDoc = r.seconds / r.docs;
    const vs = base ? `${(perDoc / (base.seconds / base.docs)).toFixed(2)}× the time` : '';
    console.log(
      `| ${r.label} | ${r.docs} | ${r.pages} | ${r.seconds.toFixed(2)} | ${(r.docs / r.seconds).toFixed(0)} | ${vs} |`,
    );
  }
}
