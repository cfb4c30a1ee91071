import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { zipStream } from './zip-stream.ts';
import type { ZipEntry } from './zip-stream.ts';

const MB = 1024 * 1024;

describe('zipStream', () => {
  it('reads the next file only as the client takes the zip (a slow reader holds few files in memory)', async () => {
    let fetched = 0;
    const entries: ZipEntry[] = Array.from({ length: 16 }, (_, i) => ({
      path: `f/${i}.bin`,
      bytes: async () => {
        fetched++;
        return new Uint8Array(MB / 4).fill(i);
      },
    }));
    const stream = zipStream(entries);
    // Nobody reads yet: the zip stops once its buffer is full instead of reading all 4 MB.
    await sleep(200);
    expect(fetched).toBeLessThanOrEqual(3);
    const chunks: Uint8Array[] = [];
    for await (const c of stream) chunks.push(new Uint8Array(c as Buffer));
    expect(fetched).toBe(16);
    const zip = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(Object.keys(zip)).toHaveLength(16);
    expect(zip['f/15.bin']).toEqual(new Uint8Array(MB / 4).fill(15));
  });

  it('leaves out an entry without bytes, deflates text, and ends with an error when a read fails', async () => {
    const text = new TextEncoder().encode('a,b\r\n'.repeat(1000));
    const ok = zipStream([
      { path: 'gone.jpg', bytes: async () => undefined },
      { path: 'list.csv', bytes: async () => text, deflate: true },
    ]);
    const chunks: Uint8Array[] = [];
    for await (const c of ok) chunks.push(new Uint8Array(c as Buffer));
    const all = Buffer.concat(chunks);
    expect(all.length).toBeLessThan(text.length / 4);
    expect(unzipSync(new Uint8Array(all))).toEqual({ 'list.csv': text });

    const broken = zipStream([{ path: 'x', bytes: async () => Promise.reject(new Error('store down')) }]);
    await expect(
      (async () => {
        for await (const _ of broken) void _;
      })(),
    ).rejects.toThrow('store down');
  });
});
