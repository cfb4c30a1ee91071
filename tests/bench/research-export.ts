import { kAnonymousCtdc, naiveKAnonymousCtdc } from '@tern/research';
import { attackData } from '@tern/research/testing';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * The CTDC k-anonymous microdata file against the naive approach (drop every record of a class under
 * 11, nothing generalised), on the attack's data: a background shaped like CTDC's and planted people
 * unique on citizenship × country of exploitation.
 */
export async function exportSection(scale: number): Promise<void> {
  console.log(
    '## CTDC k-anonymous export (k = 11)\n\n| records | method | exported | records dropped | records with a suppressed cell | identifying cells suppressed | levels (year, gender, age, citizenship, country) | time |\n| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const size of [20_000, 200_000].map((n) => Math.max(1000, Math.round(n * scale)))) {
    const { rows } = attackData({ background: size, planted: 60, seed: 9 });
    let t0 = performance.now();
    const { report } = kAnonymousCtdc(rows);
    const ours = performance.now() - t0;
    t0 = performance.now();
    const naive = naiveKAnonymousCtdc(rows);
    const naiveMs = performance.now() - t0;
    const n = rows.length.toLocaleString('en');
    console.log(
      `| ${n} | generalisation + local suppression | ${report.exported.toLocaleString('en')} | ${pct(report.recordsDropped / report.records)} | ` +
        `${pct(report.recordsTouched / report.records)} | ${pct(report.cellsSuppressed / report.cells)} | ${Object.values(report.levels).join(', ')} | ${(ours / 1000).toFixed(1)} s |`,
    );
    console.log(
      `| ${n} | naive: drop classes under 11 | ${naive.records.length.toLocaleString('en')} | ${pct(naive.dropped / rows.length)} | 0 % | 0 % | 0, 0, 0, 0, 0 | ${(naiveMs / 1000).toFixed(1)} s |`,
    );
  }
  console.log();
}
