import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { TernError } from '../errors.ts';

/** One entry of a zip: its path, and its bytes fetched only when the zip reaches it. */
export interface ZipEntry {
  path: string;
  bytes: () => Promise<Uint8Array | undefined>;
  /** Deflate text (CSV, a list); photos and workbooks are compressed already and are stored. */
  deflate?: boolean;
}

/**
 * What a zip without Zip64 can hold (decision 169): fflate 0.8 writes the entry count in 16 bits and
 * sizes and offsets in 32 bits, silently wrapping past them (a zip that unzips wrong, or not at all).
 */
export const ZIP_LIMITS = { entries: 65_535, bytes: 0xffff_ffff };

/** The refusal when an export would pass what a zip without Zip64 holds. */
export function zipTooLarge(entries: number, bytes: number, limits = ZIP_LIMITS): TernError | undefined {
  if (entries <= limits.entries && bytes < limits.bytes) return undefined;
  return new TernError(
    'TERN_EXPORT_TOO_LARGE',
    entries > limits.entries
      ? `The zip would hold ${entries} files; a zip holds at most ${limits.entries}. Export one form at a time.`
      : `The zip would be ${bytes} bytes; a zip holds at most ${limits.bytes} (4 GiB). Export one form at a time.`,
    { entries, bytes, limits },
  );
}

/**
 * A zip written as a stream (fflate's streaming `Zip`): one entry's bytes are held at a time, and the
 * next entry is not read while the client is slower than the zip (the stream's backpressure), so a
 * large export never sits whole in memory. An entry whose bytes are `undefined` is left out.
 */
export function zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  limits = ZIP_LIMITS,
): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  // What was written and how many entries: the zip ends with an error rather than pass the limits
  // (the route checks first from the records' sizes; this holds even if a size was wrong).
  let written = 0;
  let count = 0;
  const zip = new Zip((err, chunk, final) => {
    if (err) return out.destroy(err);
    written += chunk.length;
    out.write(chunk);
    if (final) out.end();
  });
  const drained = () =>
    out.writableNeedDrain
      ? new Promise<void>((go) => {
          const done = () => {
            out.off('close', done);
            out.off('drain', done);
            go();
          };
          out.once('drain', done).once('close', done);
        })
      : Promise.resolve();
  void (async () => {
    for await (const e of entries) {
      if (out.destroyed) return;
      const bytes = await e.bytes();
      if (!bytes) continue;
      // Local header, data, descriptor and central record of this entry, then the footer.
      const next = written + bytes.byteLength + 2 * (46 + Buffer.byteLength(e.path)) + 22;
      const refused = zipTooLarge(count + 1, next, limits);
      if (refused) throw refused;
      count++;
      const file = e.deflate ? new ZipDeflate(e.path, { level: 6 }) : new ZipPassThrough(e.path);
      zip.add(file);
      file.push(bytes, true);
      await drained();
    }
    zip.end();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
