import type { Browser, Page } from 'playwright-core';
import { DEMO } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { logIn, openControlled, syncNow } from '../support/tern-page.ts';
import { startProfile } from './first-pull-profile.ts';
import type { PullProfile } from './first-pull-profile.ts';

export interface FirstPull {
  /** Rows in the device's `docs` store after the pull (sealed with AES-GCM, as on a field device). */
  rows: number;
  /** "Sync now" pressed until every record is on the device (normally one press). */
  presses: number;
  sealedSeconds: number;
  /** The baseline: the same documents, plain, written with one IndexedDB transaction of puts. */
  plainRows: number;
  plainSeconds: number;
  /** Fetching those plain documents from the relay (not part of either figure). */
  plainFetchSeconds: number;
  /** With `--profile`: where the sealed pull's time went (phases, main-thread CPU by function). */
  profile?: PullProfile;
}

const rowsIn = (page: Page, db: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('docs').objectStore('docs').count();
          req.onsuccess = () => {
            ok(req.result);
            open.result.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
    db,
  );

/**
 * A tablet's first pull from the relay in Chromium (issue 18): the app served by the relay, an officer
 * logs in (everything the mission holds is theirs to pull), "Sync now" until the device holds
 * `expected` rows, timed from the press to the status saying done. Then, in the same page, the
 * baseline: the same documents fetched plain from the relay's CouchDB door (`_changes`) and written with a bare
 * IndexedDB bulk put (one read-write transaction, one `put` per row: what Dexie's `bulkPut` does,
 * without sealing, without the case index).
 */
export async function firstPull(
  browser: Browser,
  relay: ServerHandle,
  expected: number,
  opts: { profile?: boolean } = {},
): Promise<FirstPull> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const page = await openControlled(context, `${relay.url}/`);
    const refused = await logIn(page, DEMO.officer.username, DEMO.officer.password);
    if (refused) throw new Error(`login at the relay refused: ${refused}`);
    let rows = 0;
    let presses = 0;
    const profiler = opts.profile ? await startProfile(page) : null;
    const t0 = performance.now();
    while (rows < expected && presses < 5) {
      const said = await syncNow(page, 300_000);
      presses++;
      rows = await rowsIn(page, 'tern');
      if (/fail|could not/i.test(said) && rows < expected) throw new Error(`sync failed: ${said}`);
    }
    const sealedSeconds = (performance.now() - t0) / 1000;
    const profile = await profiler?.stop();
    const token = await bearerToken(relay.url, DEMO.officer.username, DEMO.officer.password);
    const plain = await page.evaluate(async (bearer) => {
      const f0 = performance.now();
      const body: { rows: Array<{ id: string; doc: Record<string, unknown> }> } = { rows: [] };
      let since: string | number = 0;
      for (;;) {
        const res = await fetch(`/couch/demo/_changes?include_docs=true&limit=5000&since=${since}`, {
          headers: { authorization: `Bearer ${bearer}` },
        });
        if (!res.ok) throw new Error(`_changes: ${res.status} ${await res.text()}`);
        const page = (await res.json()) as {
          results: Array<{ id: string; doc: Record<string, unknown> }>;
          last_seq: string | number;
        };
        if (page.results.length === 0) break;
        body.rows.push(...page.results.map((r) => ({ id: r.id, doc: r.doc })));
        since = encodeURIComponent(String(page.last_seq));
      }
      const fetched = performance.now() - f0;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('bench-plain', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('docs', { keyPath: 'id' });
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const p0 = performance.now();
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('docs', 'readwrite');
        const store = tx.objectStore('docs');
        for (const r of body.rows) store.put({ id: r.id, rev: r.doc._rev, body: r.doc });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      const put = performance.now() - p0;
      db.close();
      return { rows: body.rows.length, fetched, put };
    }, token);
    return {
      rows,
      presses,
      sealedSeconds,
      plainRows: plain.rows,
      plainSeconds: plain.put / 1000,
      plainFetchSeconds: plain.fetched / 1000,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await context.close();
  }
}

export function printFirstPull(p: FirstPull, goalSeconds: number): void {
  const sealed = p.rows / p.sealedSeconds;
  const plain = p.plainRows / p.plainSeconds;
  console.log('\n| device write | rows | seconds | records/s |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| Tern first pull from the relay, sealed in IndexedDB (${p.presses} press) | ${p.rows} | ${p.sealedSeconds.toFixed(2)} | ${sealed.toFixed(0)} |`,
  );
  console.log(
    `| baseline: plain bulk put of the same documents | ${p.plainRows} | ${p.plainSeconds.toFixed(2)} | ${plain.toFixed(0)} |`,
  );
  console.log(
    `  ratio plain ÷ Tern: ${(plain / sealed).toFixed(1)}×; goal ≤ ${goalSeconds} s: ` +
      `${p.sealedSeconds <= goalSeconds ? 'met' : 'NOT met'} (${p.sealedSeconds.toFixed(2)} s); ` +
      `fetching the plain documents took ${p.plainFetchSeconds.toFixed(2)} s (in neither figure)`,
  );
}
