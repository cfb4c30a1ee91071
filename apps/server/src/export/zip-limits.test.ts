import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { zipStream, zipTooLarge } from './zip-stream.ts';
import type { ZipEntry } from './zip-stream.ts';

const tiny = (n: number): ZipEntry[] =>
  Array.from({ length: n }, (_, i) => ({ path: `f/${i}`, bytes: async () => new Uint8Array([i & 0xff]) }));

async function collect(entries: ZipEntry[], limits?: { entries: number; bytes: number }) {
  const chunks: Uint8Array[] = [];
  for await (const c of zipStream(entries, limits)) chunks.push(new Uint8Array(c as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

// fflate 0.8 writes no Zip64 (decision 169): the entry count is 16 bits in the zip's footer.
describe('zip limits without Zip64', () => {
  it('writes 65,535 files that all unzip, and refuses the 65,536th instead of a zip that lists 0', async () => {
    const zip = await collect(tiny(65_535));
    expect(Object.keys(unzipSync(zip))).toHaveLength(65_535);
    await expect(collect(tiny(65_536))).rejects.toMatchObject({ code: 'TERN_EXPORT_TOO_LARGE' });
  }, 180_000);

  it('refuses before passing the byte limit (4 GiB, lowered here)', async () => {
    const big: ZipEntry[] = [0, 1, 2].map((i) => ({
      path: `b${i}`,
      bytes: async () => new Uint8Array(4000),
    }));
    await expect(collect(big, { entries: 10, bytes: 10_000 })).rejects.toThrow(/at most 10000/);
    expect(Object.keys(unzipSync(await collect(big.slice(0, 2), { entries: 10, bytes: 10_000 })))).toEqual([
      'b0',
      'b1',
    ]);
  });

  it('says why before the zip starts: too many files, or too many bytes', () => {
    expect(zipTooLarge(65_535, 1000)).toBeUndefined();
    expect(zipTooLarge(65_536, 1000)?.message).toMatch(/65536 files; a zip holds at most 65535/);
    expect(zipTooLarge(3, 2 ** 32)?.message).toMatch(/4 GiB/);
  });
});
