import { createHash } from 'node:crypto';
import { check, eq, rejectsWith, withStore } from './conformance-helpers.ts';
import type { ConformanceCase } from './conformance-helpers.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Deterministic bytes (a fixed linear congruential sequence): no randomness in the suite. */
const bytesOf = (n: number, seed = 7): Uint8Array => {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
};

/** Files of a mission: chunked, resumable uploads checked against their sha-256 (decision 125). */
export const attachmentCases: Record<string, ConformanceCase> = {
  'attachments: chunks append in order, the status says where to resume, the whole file reads back': (make) =>
    withStore(make, async (s) => {
      const file = bytesOf(10_000);
      const digest = sha(file);
      const files = s.attachments('m1');
      eq(
        await files.status(digest),
        { digest, received: 0, size: null, mediaType: null, complete: false },
        'unknown',
      );
      eq(
        (await files.append(digest, 0, file.length, 'image/png', file.subarray(0, 4096))).received,
        4096,
        'first',
      );
      eq(await files.read(digest), undefined, 'not readable before complete');
      eq((await files.status(digest)).received, 4096, 'resume point');
      await files.append(digest, 4096, file.length, 'image/png', file.subarray(4096, 8192));
      const done = await files.append(digest, 8192, file.length, 'image/png', file.subarray(8192));
      eq(
        done,
        { digest, received: 10_000, size: 10_000, mediaType: 'image/png', complete: true },
        'complete',
      );
      const read = await files.read(digest);
      check(read !== undefined && Buffer.from(read.bytes).equals(Buffer.from(file)), 'the bytes read back');
      eq(read?.mediaType, 'image/png', 'media type');
      eq(await s.attachments('m2').read(digest), undefined, 'another mission does not see it');
      // A repeated last chunk after completion changes nothing.
      eq(
        (await files.append(digest, 8192, file.length, 'image/png', file.subarray(8192))).complete,
        true,
        'again',
      );
    }),

  'attachments: a chunk that overlaps, skips, overruns or changes the size is refused and stores nothing': (
    make,
  ) =>
    withStore(make, async (s) => {
      const file = bytesOf(3000, 11);
      const digest = sha(file);
      const files = s.attachments('m1');
      await files.append(digest, 0, 3000, 'image/jpeg', file.subarray(0, 1000));
      await rejectsWith(
        files.append(digest, 500, 3000, 'image/jpeg', file.subarray(500, 1500)),
        'TERN_STORE_CONFLICT',
        'overlap',
      );
      await rejectsWith(
        files.append(digest, 2000, 3000, 'image/jpeg', file.subarray(2000)),
        'TERN_STORE_CONFLICT',
        'gap',
      );
      await rejectsWith(
        files.append(digest, 1000, 3000, 'image/jpeg', bytesOf(2500)),
        'TERN_STORE_INVALID',
        'overrun',
      );
      await rejectsWith(
        files.append(digest, 1000, 9000, 'image/jpeg', file.subarray(1000, 2000)),
        'TERN_STORE_INVALID',
        'size',
      );
      await rejectsWith(
        files.append(digest, 1000, 3000, 'image/png', file.subarray(1000, 2000)),
        'TERN_STORE_INVALID',
        'type',
      );
      await rejectsWith(
        files.append('NOT-A-DIGEST', 0, 3, 'image/png', file.subarray(0, 3)),
        'TERN_STORE_INVALID',
        'digest',
      );
      eq((await files.status(digest)).received, 1000, 'nothing stored by refused chunks');
      await files.append(digest, 1000, 3000, 'image/jpeg', file.subarray(1000));
      check((await files.read(digest))?.size === 3000, 'completes after the refusals');
    }),

  'attachments: bytes that do not hash to the digest are discarded and the upload starts again': (make) =>
    withStore(make, async (s) => {
      const file = bytesOf(2000, 3);
      const digest = sha(file);
      const files = s.attachments('m1');
      await files.append(digest, 0, 2000, 'audio/webm', file.subarray(0, 1000));
      await rejectsWith(
        files.append(digest, 1000, 2000, 'audio/webm', bytesOf(1000, 99)),
        'TERN_STORE_INVALID',
        'wrong bytes',
      );
      eq(
        await files.status(digest),
        { digest, received: 0, size: null, mediaType: null, complete: false },
        'reset',
      );
      eq(await files.read(digest), undefined, 'nothing readable');
      await files.append(digest, 0, 2000, 'audio/webm', file);
      check((await files.read(digest))?.size === 2000, 'the right bytes complete it');
    }),

  'attachments: concurrent chunks for the same offset store one of them': (make) =>
    withStore(make, async (s) => {
      const file = bytesOf(2048, 5);
      const digest = sha(file);
      const files = s.attachments('m1');
      const results = await Promise.allSettled([
        files.append(digest, 0, 2048, 'image/png', file.subarray(0, 1024)),
        files.append(digest, 0, 2048, 'image/png', file.subarray(0, 1024)),
      ]);
      eq(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'], 'one wins');
      eq((await files.status(digest)).received, 1024, 'one chunk held');
    }),
};
