import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { ResearchRow } from '../rows/research-row.ts';
import { ctdcRow, headerIndex, rowPlan } from './ctdc-row.ts';
import type { RowPlan } from './ctdc-row.ts';

/** A rejected row: its line in the file (1 is the header) and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

export interface CtdcParseResult {
  /** Data rows read (accepted and rejected). */
  read: number;
  accepted: number;
  /** The first `listLimit` rejected rows; `rejectedTotal` counts them all. */
  rejected: RejectedRow[];
  rejectedTotal: number;
  /** What made the whole file unreadable (not CSV, not the CTDC header, cut short), if anything. */
  fatal: RejectedRow | null;
}

export interface CtdcParseOptions {
  /** The mission value of every row: `ctdc:<id>`. */
  mission: string;
  /** The record key of the n-th data row (1-based): deterministic per row (decision 106). */
  recordKey(n: number): number;
  /** Accepted rows, in batches of `batch`, in file order. */
  sink(rows: ResearchRow[]): Promise<void>;
  batch?: number;
  years?: readonly [number, number];
  /** Rejected rows listed in full (all are counted). */
  listLimit?: number;
}

/** More than this in one field or line is not a CTDC file (the longest CTDC field is under 1,000). */
const MAX_RECORD_BYTES = 1 << 20;

/**
 * Read a CTDC 2020 global-dataset CSV from a stream of chunks (bytes or text, any sizes), check the
 * header and every row (ctdc-row.ts), and hand the accepted rows to `sink` as they come, so memory
 * stays bounded whatever the file's size. It never decides what is imported: the caller keeps the
 * rows only when there is no fatal problem and no rejected row (ctdc-sources.ts).
 *
 * The parser is csv-parse (RFC 4180: quoted fields, doubled quotes, CRLF, a UTF-8 BOM). A CSV syntax
 * error (a quote never closed, a stray quote, a field past 1 MiB) is fatal: after one, the parser
 * cannot tell where the next row starts. A last row with too few fields is fatal too: the file was
 * cut short.
 */
export async function parseCtdc(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  o: CtdcParseOptions,
): Promise<CtdcParseResult> {
  const batchSize = o.batch ?? 10_000;
  const listLimit = o.listLimit ?? 1000;
  const years = o.years ?? [1990, new Date().getUTCFullYear()];
  const result: CtdcParseResult = { read: 0, accepted: 0, rejected: [], rejectedTotal: 0, fatal: null };
  const reject = (line: number, reason: string) => {
    result.rejectedTotal++;
    if (result.rejected.length < listLimit) result.rejected.push({ line, reason });
  };
  let index: RowPlan | null = null;
  let batch: ResearchRow[] = [];
  let last: { line: number; short: boolean } | null = null;
  let lastLine = 0;
  try {
    await pipeline(
      Readable.from(chunks, { objectMode: false }),
      parse({
        bom: true,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_BYTES,
      }),
      async function (records: AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        for await (const { record, info } of records) {
          // csv-parse counts lines to the record's end; a quoted field may hold line breaks.
          let line = info.lines;
          for (const f of record) if (f.includes('\n')) line -= f.split('\n').length - 1;
          lastLine = info.lines;
          if (index === null) {
            const header = headerIndex(record);
            if (typeof header === 'string') {
              result.fatal = { line, reason: header };
              return;
            }
            index = rowPlan(header);
            continue;
          }
          result.read++;
          last = { line, short: record.length < index.names.length };
          const row = ctdcRow(record, index, {
            mission: o.mission,
            ref: String(result.read),
            recordKey: o.recordKey(result.read),
            years,
          });
          if (typeof row === 'string') reject(line, row);
          else {
            result.accepted++;
            batch.push(row);
            if (batch.length >= batchSize) {
              await o.sink(batch);
              batch = [];
            }
          }
        }
      },
    );
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    if (!err.code?.startsWith('CSV_') && !err.code?.startsWith('INVALID_')) throw e;
    result.fatal = { line: err.lines ?? lastLine + 1, reason: `not readable as CSV: ${err.message}` };
    return result;
  }
  if (result.fatal) return result;
  if (index === null) return { ...result, fatal: { line: 1, reason: 'the file is empty: no header row' } };
  const end = last as { line: number; short: boolean } | null;
  if (end?.short)
    return {
      ...result,
      fatal: { line: end.line, reason: 'the last row is cut short: the file is truncated' },
    };
  if (batch.length > 0) await o.sink(batch);
  return result;
}
