import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disclosureParams } from '../disclosure/parameters.ts';
import { researchTable } from '../disclosure/research-tables.ts';
import { isResearchError } from '../errors.ts';
import { syntheticCtdcCsv } from '../synthetic/synthetic-ctdc.ts';
import { CTDC_HEADER } from './ctdc-format.ts';
import { openCtdcSources } from './ctdc-sources.ts';
import type { CtdcSources } from './ctdc-sources.ts';

const SECRET = 'the secret of the CTDC import tests, 32 bytes or more';
const SAMPLE = readFileSync(new URL('./global-dataset-2020-format-sample.csv', import.meta.url), 'utf8');
const params = disclosureParams();
const csv = (rows: number, seed = 5) => [...syntheticCtdcCsv({ rows, seed })].join('');
/** Cut text into small byte chunks: rows and UTF-8 characters straddle chunk boundaries. */
function* bytes(text: string, size = 7): Generator<Uint8Array> {
  const all = new TextEncoder().encode(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}
const col = (name: string) => CTDC_HEADER.indexOf(name);
/** The sample's second data row with some fields changed. */
function sampleRow(change: Record<string, string> = {}): string {
  const fields = SAMPLE.split('\n')[2]!.split(',');
  for (const [k, v] of Object.entries(change)) fields[col(k)] = v;
  return fields.join(',');
}

let dir: string;
let sources: CtdcSources;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tern-ctdc-'));
  sources = await openCtdcSources(dir, { secret: SECRET, years: [2002, 2025] });
});
afterEach(async () => {
  await sources.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each test imports real files through DuckDB: seconds on a loaded machine.
describe('importing a CTDC 2020 CSV', { timeout: 60_000 }, () => {
  it('imports every row of a good file, streamed in small chunks, as a source researchTable reads', async () => {
    const text = csv(3000);
    const report = await sources.import('ctdc:good', 'Synthetic CTDC', bytes(text));
    expect(report).toMatchObject({ ok: true, rows: 3000, read: 3000, rejectedTotal: 0, fatal: null });
    expect(sources.list()).toEqual([
      { id: 'ctdc:good', label: 'Synthetic CTDC', rows: 3000, importedAt: report.importedAt },
    ]);
    const store = (await sources.open('ctdc:good'))!;
    // The counts the store holds are the file's own: gender counted straight from the CSV.
    const byGender = new Map<string, number>();
    for (const line of text.trim().split('\n').slice(1)) {
      const g = line.split(',')[col('gender')]!;
      byGender.set(g, (byGender.get(g) ?? 0) + 1);
    }
    const fine = await store.fineCounts({ dims: ['gender'], filters: {} });
    const htcds: Record<string, string> = {
      Feminine: 'Female',
      Masculine: 'Male',
      NonConforming: 'Transgender/NonConforming',
      NonSpecifiedUnknown: 'Unknown',
      unknown: '-99',
    };
    expect(new Map(fine.map((c) => [htcds[c.values[0]!], c.n]))).toEqual(byGender);
    const table = await researchTable(
      store,
      { dims: ['gender', 'ageBand', 'year'] },
      { missions: ['ctdc:good'] },
      params,
    );
    expect(table.cells.length).toBeGreaterThan(10);
    expect(table.cells.every((c) => c.value >= 11)).toBe(true);
    expect(table.asOf).toBe(report.importedAt);
    await expect(
      store.apply({ mission: 'x', upserts: [], deletes: [], seq: '1', at: new Date() }),
    ).rejects.toThrow();
  });

  it('gives every row the same record key on a new import, so the published cells do not move', async () => {
    const text = csv(2000, 9);
    const q = { dims: ['citizenship', 'exploitation'] as const };
    await sources.import('again', 'First', text);
    const first = await researchTable(
      (await sources.open('again'))!,
      { dims: [...q.dims] },
      { missions: ['ctdc:again'] },
      params,
    );
    const second = await sources.import('again', 'Second', bytes(text, 1000));
    expect(second.ok).toBe(true);
    expect(sources.list().map((s) => s.label)).toEqual(['Second']);
    const table = await researchTable(
      (await sources.open('ctdc:again'))!,
      { dims: [...q.dims] },
      { missions: ['ctdc:again'] },
      params,
    );
    expect(table.cells).toEqual(first.cells);
    // Only the current version's file is left.
    expect(readdirSync(dir).filter((f) => f.endsWith('.duckdb'))).toHaveLength(1);
  });

  it('lists each bad row with its line number and reason, and imports nothing', async () => {
    const good = sampleRow();
    const lines = [
      CTDC_HEADER.join(','),
      good, // 2
      sampleRow({ isForcedLabour: '2' }), // 3
      sampleRow({ citizenship: 'XX' }), // 4
      sampleRow({ ageBroad: '18-20' }), // 5
      sampleRow({ yearOfRegistration: '1850' }), // 6
      sampleRow({ yearOfRegistration: 'two thousand' }), // 7
      sampleRow({ gender: 'F' }), // 8
      good.split(',').slice(0, 40).join(','), // 9: too few fields (not the last row)
      sampleRow({ typeOfExploitConcatenated: `"${'x'.repeat(5000)}"` }), // 10: oversized field
      `${good.replace(',Female,', ',"Fe\nmale",')}`, // 11-12: a quoted line break, a bad gender
      sampleRow({ CountryOfExploitation: 'ru' }), // 13
      good, // 14
    ];
    const report = await sources.import('bad', 'Bad rows', lines.join('\r\n') + '\r\n');
    expect(report.ok).toBe(false);
    expect(report.rows).toBe(0);
    expect(report.rejectedTotal).toBe(10);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
    const why = report.rejected.map((r) => r.reason);
    expect(why[0]).toMatch(/^isForcedLabour "2" is not a flag/);
    expect(why[1]).toMatch(/^citizenship "XX" is not an ISO 3166 alpha-2 code/);
    expect(why[2]).toMatch(/^ageBroad "18-20" is not a CTDC age band/);
    expect(why[3]).toMatch(/^yearOfRegistration "1850" is not a year from 2002 to 2025/);
    expect(why[4]).toMatch(/^yearOfRegistration "two thousand"/);
    expect(why[5]).toMatch(/^gender "F" is not Female, Male/);
    expect(why[6]).toBe('has 40 fields, the header has 63');
    expect(why[7]).toMatch(/^typeOfExploitConcatenated "x+" is 5000 characters long, at most 1000/);
    expect(why[8]).toMatch(/^gender "Fe\\nmale"/);
    expect(why[9]).toMatch(/^CountryOfExploitation "ru"/);
    expect(report.problem).toBe('10 of 12 rows rejected');
    expect(sources.list()).toEqual([]);
    expect(await sources.open('bad')).toBeNull();
    expect(readdirSync(dir).filter((f) => f.includes('.duckdb'))).toEqual([]);
  });

  it('keeps the previous version when a new one is truncated, garbage or not CSV', async () => {
    const text = csv(1500, 3);
    const first = await sources.import('kept', 'Kept', text);
    const before = (await (await sources.open('kept'))!.fineCounts({ dims: ['year'], filters: {} })).sort(
      (a, b) => (a.values[0]! < b.values[0]! ? -1 : 1),
    );
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const truncated = await sources.import('kept', 'Truncated', bytes(cut, 4096));
    expect(truncated).toMatchObject({ ok: false, rows: 0 });
    expect(truncated.fatal!.reason).toBe('the last row is cut short: the file is truncated');
    expect(truncated.fatal!.line).toBe(cut.split('\n').length);

    const garbage = await sources.import('kept', 'Garbage', [
      new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
    ]);
    expect(garbage.ok).toBe(false);
    expect(garbage.fatal!.reason).toMatch(/^(not the CTDC 2020 global-dataset header|not readable as CSV)/);
    const unclosed = await sources.import(
      'kept',
      'Unclosed',
      `${CTDC_HEADER.join(',')}\n${sampleRow()}\n"2002,Case`,
    );
    expect(unclosed.fatal!.reason).toMatch(/^not readable as CSV: .*[Qq]uote/);
    const wrongHeader = await sources.import('kept', 'Header', SAMPLE.replace('citizenship', 'nationality'));
    expect(wrongHeader.fatal).toEqual({
      line: 1,
      reason:
        'not the CTDC 2020 global-dataset header: missing column "citizenship"; unknown column "nationality"',
    });
    const empty = await sources.import('kept', 'Empty', ['']);
    expect(empty.fatal!.reason).toBe('the file is empty: no header row');
    const headerOnly = await sources.import('kept', 'Header only', CTDC_HEADER.join(',') + '\n');
    expect(headerOnly.problem).toBe('the file has a header and no rows');

    expect(sources.list()).toEqual([
      { id: 'ctdc:kept', label: 'Kept', rows: 1500, importedAt: first.importedAt },
    ]);
    const after = (await (await sources.open('kept'))!.fineCounts({ dims: ['year'], filters: {} })).sort(
      (a, b) => (a.values[0]! < b.values[0]! ? -1 : 1),
    );
    expect(after).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('.duckdb'))).toHaveLength(1);
  });

  it('refuses a field past 1 MiB as not CTDC at all, without reading the rest', async () => {
    const huge = sampleRow({ meansOfControlConcatenated: `"${'y'.repeat(1_200_000)}"` });
    const report = await sources.import('huge', 'Huge', [
      CTDC_HEADER.join(',') + '\n',
      sampleRow() + '\n',
      huge + '\n',
      sampleRow(),
    ]);
    expect(report.ok).toBe(false);
    expect(report.fatal!.line).toBe(3);
    expect(report.fatal!.reason).toMatch(/not readable as CSV: .*Max Record Size/);
    expect(sources.list()).toEqual([]);
  });

  it('reads the CTDC sample as published (the 2020 format, three rows)', async () => {
    const report = await sources.import('sample', 'CTDC sample', SAMPLE);
    expect(report).toMatchObject({ ok: true, rows: 3 });
    const store = (await sources.open('sample'))!;
    const rows = await store.rows(['ctdc:sample']);
    expect(rows.map((r) => [r.year, r.gender, r.ageBand, r.citizenship, r.exploitation])).toEqual([
      ['2002', 'Feminine', '18--20', 'CO', ['SexualExploitation']],
      ['2002', 'Feminine', '18--20', 'MD', []],
      ['2002', 'Feminine', '18--20', 'MD', ['SexualExploitation']],
    ]);
  });

  it('removes a source, and checks ids and labels', async () => {
    await sources.import('gone', 'Gone', csv(50));
    expect(await sources.remove('ctdc:gone')).toBe(true);
    expect(await sources.remove('gone')).toBe(false);
    expect(sources.list()).toEqual([]);
    expect(await sources.open('gone')).toBeNull();
    for (const id of ['Bad Id', 'ctdc:', 'x'.repeat(41), '../etc'])
      await expect(async () => sources.import(id, 'x', [''])).rejects.toSatisfy((e) =>
        isResearchError(e, 'TERN_RESEARCH_BAD_PARAMETER'),
      );
    await expect(async () => sources.import('ok', '  ', [''])).rejects.toSatisfy((e) =>
      isResearchError(e, 'TERN_RESEARCH_BAD_PARAMETER'),
    );
  });

  it('sees an import made by another process (another registry on the same folder)', async () => {
    const other = await openCtdcSources(dir, { secret: SECRET, years: [2002, 2025] });
    await other.import('shared', 'From the CLI', csv(100));
    expect(sources.list().map((s) => s.id)).toEqual(['ctdc:shared']);
    expect((await (await sources.open('shared'))!.status(['ctdc:shared'])).cases).toBe(100);
    await other.close();
  });
});
