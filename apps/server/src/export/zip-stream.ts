import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** One entry of a zip: its path, and its bytes fetched only when the zip reaches it. */
export interface ZipEntry {
  path: string;
  bytes: () => Promise<Uint8Array | undefined>;
  /** Deflate text (CSV, a list); photos and workbooks are compressed already and are stored. */
  deflate?: boolean;
}

/**
 * A zip written as a stream (fflate's streaming `Zip`): one entry's bytes are held at a time, and the
 * next entry is not read while the client is slower than the zip (the stream's backpressure), so a
 * large export never sits whole in memory. An entry whose bytes are `undefined` is left out.
 */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const zip = new Zip((err, chunk, final) => {
    if (err) return out.destroy(err);
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
      const file = e.deflate ? new ZipDeflate(e.path, { level: 6 }) : new ZipPassThrough(e.path);
      zip.add(file);
      file.push(bytes, true);
      await drained();
    }
    zip.end();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
