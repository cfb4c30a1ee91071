import { mkdtempSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { openCtdcSources } from '@tern/research';
import { syntheticCtdcCsv } from '@tern/research/testing';

/**
 * CTDC import (issue 13: 50,000 rows ≤ 10 s): a synthetic CTDC 2020 file read from disk, every row
 * checked and written to a fresh DuckDB file, then swapped in; against csv-parse alone reading the same
 * file (no checks, no store), the floor any streamed import stands on.
 */
export async function importSection(scale: number): Promise<void> {
  const rows = Math.max(1000, Math.round(50_000 * scale));
  const dir = mkdtempSync(join(tmpdir(), 'tern-ctdc-bench-'));
  try {
    const file = join(dir, 'ctdc.csv');
    writeFileSync(file, [...syntheticCtdcCsv({ rows, seed: 2020 })].join(''));
    const sources = await openCtdcSources(join(dir, 'sources'));
    const times: number[] = [];
    let imported = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await sources.import('bench', 'Benchmark', createReadStream(file));
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(`the benchmark file was refused: ${r.problem}`);
      imported = r.rows;
    }
    await sources.close();
    const parseTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      let n = 0;
      await pipeline(
        createReadStream(file),
        parse({ bom: true }),
        async (records: AsyncIterable<unknown>) => {
          for await (const _ of records) n++;
        },
      );
      parseTimes.push(performance.now() - t0);
      if (n !== rows + 1) throw new Error(`csv-parse read ${n} records`);
    }
    const best = (xs: number[]) => Math.min(...xs) / 1000;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]! / 1000;
    const target = 10 * scale;
    console.log(
      `## CTDC import\n\n| rows | import (checked, DuckDB file, swap): median of 3 | best | baseline: csv-parse alone | import ÷ baseline | target |\n| --- | --- | --- | --- | --- | --- |\n` +
        `| ${imported.toLocaleString('en')} | ${median(times).toFixed(1)} s (${Math.round(imported / median(times)).toLocaleString('en')} rows/s) | ${best(times).toFixed(1)} s | ${median(parseTimes).toFixed(1)} s | ${(median(times) / median(parseTimes)).toFixed(1)}× | ≤ ${target.toFixed(1)} s: ${median(times) <= target ? 'met' : 'NOT met'} |\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
