/**
 * Research benchmark (issue 13): one command, baselines in the same run, figures printed as markdown.
 *
 *   npm run bench:research                    everything at full size (several minutes)
 *   npm run bench:research -- --scale 0.1     every size × 0.1 (a quick look while tuning)
 *   npm run bench:research -- --only attack,export,perf,import
 *
 * attack  the adversarial attack of packages/research/src/testing/attack.ts against Tern and against the
 *         naive control (exact counts, cells under 11 suppressed), 8 datasets × 60 planted people, and
 *         a deeper attacker (100 probes a person) against Tern.
 * export  the CTDC k-anonymous microdata file (generalisation and local suppression) against the naive
 *         approach (drop every record of a class under 11), with an independent k check.
 * perf    a three-dimension table over 200,000 cases with perturbation (DuckDB), against computing the
 *         same table by reading every document from the PouchDB mission stores (LevelDB); a catch-up of
 *         100,000 changes from a mission store, against reading the same documents from PouchDB.
 * import  a CTDC import of 50,000 rows (research-import.ts), against csv-parse alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  catchUp,
  deidentifyCase,
  disclosureParams,
  openDuckDbStore,
  researchKeys,
  researchTable,
} from '@tern/research';
import type { PublishedTable, ResearchRow, TableQuery } from '@tern/research';
import {
  BASE_RATE,
  MISSIONS,
  MemoryAnalyticsStore,
  STRATEGIES,
  attack,
  attackData,
  binomialTail,
  loadDocs,
  naiveTable,
  syntheticCaseDocs,
} from '@tern/research/testing';
import type { Oracle, Strategy } from '@tern/research/testing';
import { TernStore } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { exportSection } from './research-export.ts';
import { importSection } from './research-import.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SCALE = Number(arg('scale') ?? 1);
const ONLY = (arg('only') ?? 'attack,export,perf,import').split(',');
const n = (count: number) => Math.max(1, Math.round(count * SCALE));
const keys = researchKeys('the research secret of the benchmark, 32 bytes or more');
const params = disclosureParams();
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

console.log(
  `# Research benchmark\n\n${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GiB · ` +
    `Node ${process.version} · scale ${SCALE} · load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (other work on the machine slows every figure)\n`,
);

// ---- attack --------------------------------------------------------------------------------------
async function attackSection() {
  const datasets = n(8);
  const sum = { tern: new Map<Strategy, number>(), naive: new Map<Strategy, number>() };
  let targets = 0;
  const queries = { tern: 0, naive: 0 };
  const started = performance.now();
  for (let seed = 1; seed <= datasets; seed++) {
    const data = attackData({ background: 20_000, planted: 60, seed });
    const store = MemoryAnalyticsStore.fromRows(data.rows);
    const controls: Array<['tern' | 'naive', Oracle]> = [
      ['tern', (q) => researchTable(store, q, { missions: MISSIONS }, params)],
      ['naive', (q) => naiveTable(store, q)],
    ];
    for (const [name, ask] of controls) {
      const r = await attack(ask, data.targets, { probesPerTarget: 15, seed: 100 + seed });
      queries[name] += r.queries;
      for (const [s, c] of Object.entries(r.correct) as Array<[Strategy, number]>)
        sum[name].set(s, (sum[name].get(s) ?? 0) + c);
    }
    targets += data.targets.length;
  }
  console.log(
    `## Adversarial attack\n\n${datasets} datasets of 20,000 cases + 60 planted people each (${targets} people), ` +
      `15 probes a person: ${queries.tern.toLocaleString('en')} queries against Tern, ` +
      `${queries.naive.toLocaleString('en')} against the naive control (${((performance.now() - started) / 1000).toFixed(0)} s). ` +
      `Base rate (a guess that learned nothing): ${pct(BASE_RATE)}. p: P(at least this many right | guessing).\n`,
  );
  console.log('| strategy | Tern right | Tern p | naive right | naive p |\n| --- | --- | --- | --- | --- |');
  for (const s of [...STRATEGIES, 'all together'] as Strategy[]) {
    const [t, v] = [sum.tern.get(s)!, sum.naive.get(s)!];
    console.log(
      `| ${s} | ${pct(t / targets)} | ${binomialTail(t, targets, BASE_RATE).toExponential(1)} | ${pct(v / targets)} | ${binomialTail(v, targets, BASE_RATE).toExponential(1)} |`,
    );
  }

  const deep = n(2);
  let deepTargets = 0;
  let deepQueries = 0;
  const deepSum = new Map<Strategy, number>();
  for (let seed = 101; seed < 101 + deep; seed++) {
    const data = attackData({ background: 20_000, planted: 60, seed });
    const store = MemoryAnalyticsStore.fromRows(data.rows);
    const r = await attack((q) => researchTable(store, q, { missions: MISSIONS }, params), data.targets, {
      probesPerTarget: 100,
      seed,
    });
    deepTargets += r.targets;
    deepQueries += r.queries;
    for (const [s, c] of Object.entries(r.correct) as Array<[Strategy, number]>)
      deepSum.set(s, (deepSum.get(s) ?? 0) + c);
  }
  console.log(
    `\nDeeper attacker against Tern: ${deepTargets} people, 100 probes each (${Math.round(deepQueries / deepTargets)} queries a person; ` +
      `the residual channel of docs/research-privacy.md):\n\n| strategy | Tern right | p |\n| --- | --- | --- |`,
  );
  for (const [s, c] of deepSum)
    console.log(
      `| ${s} | ${pct(c / deepTargets)} | ${binomialTail(c, deepTargets, BASE_RATE).toExponential(1)} |`,
    );
  console.log();
}

// ---- perf ----------------------------------------------------------------------------------------
const PERF_MISSIONS = ['perf-a', 'perf-b', 'perf-c'];

function rowsFromDocs(docs: readonly WireDoc[], mission: string): ResearchRow[] {
  const subs = new Map<string, WireDoc[]>();
  for (const d of docs)
    if (typeof d.caseId === 'string') subs.set(d.caseId, [...(subs.get(d.caseId) ?? []), d]);
  return docs
    .filter((d) => d._id.startsWith('case:'))
    .map((c) => deidentifyCase(c, subs.get(c._id) ?? [], mission, keys))
    .filter((r): r is ResearchRow => r !== null);
}

const sameCells = (a: PublishedTable, b: PublishedTable) =>
  JSON.stringify(a.cells) === JSON.stringify(b.cells);

async function perfSection() {
  const dir = mkdtempSync(join(tmpdir(), 'tern-research-bench-'));
  try {
    const tern = new TernStore({ kind: 'leveldb', dataDir: join(dir, 'missions') });
    const cases = n(200_000);
    let t0 = performance.now();
    const duck = await openDuckDbStore({
      path: join(dir, 'analytics.duckdb'),
      fingerprint: keys.fingerprint,
    });
    let docCount = 0;
    for (const [i, mission] of PERF_MISSIONS.entries()) {
      const docs = syntheticCaseDocs({ mission, cases: Math.round(cases / 3), seed: 1000 + i });
      docCount += docs.length;
      for (let k = 0; k < docs.length; k += 2000)
        await tern.mission(mission).writeReplicated(docs.slice(k, k + 2000));
      await loadDocs(duck, docs, mission, keys);
    }
    const setup = (performance.now() - t0) / 1000;
    const scope = { missions: PERF_MISSIONS };
    const queries: Array<[string, TableQuery]> = [
      ['citizenship × exploitation × year', { dims: ['citizenship', 'exploitation', 'year'] }],
      [
        'gender × ageBand × exploitationCountry, women and girls of 3 citizenships',
        {
          dims: ['gender', 'ageBand', 'exploitationCountry'],
          filters: { gender: ['Feminine'], citizenship: ['UA', 'PH', 'MD'] },
        },
      ],
    ];
    console.log(
      `## Analytics\n\n${cases.toLocaleString('en')} cases (${docCount.toLocaleString('en')} documents) in 3 mission stores ` +
        `(PouchDB on LevelDB) and in the DuckDB analytics store; setup ${setup.toFixed(0)} s.\n`,
    );
    console.log(
      '| table | Tern p50 | Tern p95 | baseline: read every document from PouchDB, same table | baseline ÷ Tern p95 |\n| --- | --- | --- | --- | --- |',
    );
    for (const [name, q] of queries) {
      const times: number[] = [];
      let table: PublishedTable | undefined;
      for (let i = 0; i < 33; i++) {
        t0 = performance.now();
        table = await researchTable(duck, q, scope, params);
        if (i >= 3) times.push(performance.now() - t0);
      }
      // Baseline: every document of every mission read back from PouchDB, de-identified, tabulated.
      const base: number[] = [];
      let baseline: PublishedTable | undefined;
      for (let i = 0; i < (SCALE >= 0.5 ? 1 : 3); i++) {
        t0 = performance.now();
        const rows: ResearchRow[] = [];
        for (const m of PERF_MISSIONS) rows.push(...rowsFromDocs(await tern.mission(m).allDocs(), m));
        baseline = await researchTable(MemoryAnalyticsStore.fromRows(rows), q, scope, params);
        base.push(performance.now() - t0);
      }
      if (!sameCells(table!, baseline!)) throw new Error(`the baseline's table differs from Tern's: ${name}`);
      const p95 = quantile(times, 0.95);
      const b = quantile(base, 0.5);
      console.log(
        `| ${name} (${table!.cells.length} cells) | ${ms(quantile(times, 0.5))} | ${ms(p95)} ${p95 <= 150 ? '(≤ 150 ms: met)' : '(≤ 150 ms: NOT met)'} | ${(b / 1000).toFixed(2)} s | ${(b / p95).toFixed(0)}× |`,
      );
    }
    await duck.close();

    // Catch-up of 100,000 changes from one mission store into an empty analytics store.
    const changes = n(100_000);
    const feed = tern.mission('perf-feed');
    const docs = syntheticCaseDocs({ mission: 'perf-feed', cases: Math.ceil(changes / 2.5), seed: 77 }).slice(
      0,
      changes,
    );
    for (let k = 0; k < docs.length; k += 2000) await feed.writeReplicated(docs.slice(k, k + 2000));
    const fresh = await openDuckDbStore({ path: join(dir, 'catchup.duckdb'), fingerprint: keys.fingerprint });
    t0 = performance.now();
    const r = await catchUp(fresh, feed, keys, { batchSize: 5000 });
    const secs = (performance.now() - t0) / 1000;
    const status = await fresh.status(['perf-feed']);
    // Baseline: the same documents only read back from PouchDB (what any catch-up must at least do).
    t0 = performance.now();
    const read = (await feed.allDocs()).length;
    const readSecs = (performance.now() - t0) / 1000;
    const target = 20 * SCALE;
    console.log(
      `\nCatch-up: ${r.changes.toLocaleString('en')} changes from a LevelDB mission store in ${r.batches} batches: ` +
        `${secs.toFixed(1)} s (${Math.round(r.changes / secs).toLocaleString('en')} changes/s), ` +
        `${status.cases.toLocaleString('en')} case rows, as of ${status.asOf}; baseline: reading the ${read.toLocaleString('en')} documents from PouchDB ` +
        `${readSecs.toFixed(1)} s (catch-up ÷ read ${(secs / readSecs).toFixed(1)}×). Target ≤ ${target.toFixed(1)} s at this scale: ${secs <= target ? 'met' : 'NOT met'}.\n`,
    );
    await fresh.close();
    await tern.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (ONLY.includes('attack')) await attackSection();
if (ONLY.includes('export')) await exportSection(SCALE);
if (ONLY.includes('perf')) await perfSection();
if (ONLY.includes('import')) await importSection(SCALE);
