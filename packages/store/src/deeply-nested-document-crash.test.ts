import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { TernStore } from './tern-store.ts';
import type { StoreOptions } from './tern-store.ts';

// Issue 11: JSON nested about 4,200 levels deep overflowed the stack inside PouchDB's asynchronous
// LevelDB encoding; the RangeError escaped as an uncaught exception and the server process exited.

function nested(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

function doc(id: string, body: Record<string, unknown>): WireDoc {
  const r = nextRevision(null, { name: id });
  // The rev is made over a shallow body: the store, not the rev check, is what is under test here.
  return { _id: id, _rev: r.rev, _revisions: r.revisions, ...body };
}

/** Every error that escapes to the process while `run` is in flight, and one tick after. */
async function escapedDuring(run: () => Promise<void>): Promise<unknown[]> {
  const escaped: unknown[] = [];
  const onError = (e: unknown) => escaped.push(e);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    await run();
    await new Promise((r) => setImmediate(r));
  } finally {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
  return escaped;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const kinds: Array<[string, () => StoreOptions]> = [
  ['memory', () => ({ kind: 'memory', prefix: `deep-${process.pid}-${Date.now()}` })],
  [
    'LevelDB',
    () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tern-deep-'));
      dirs.push(dataDir);
      return { kind: 'leveldb', dataDir };
    },
  ],
];

describe.each(kinds)('a document nested 6,000 levels deep (%s)', (_name, options) => {
  it('is refused with a reason while the valid document of the same batch is stored', async () => {
    const store = new TernStore(options());
    try {
      const db = store.mission('demo');
      const valid = doc('sub:01J0000000000000000000000A', { answers: { age: 30 } });
      const deep = doc('sub:01J0000000000000000000000B', { answers: nested(6000) });
      let results: Awaited<ReturnType<typeof db.writeReplicated>> = [];
      const escaped = await escapedDuring(async () => {
        results = await db.writeReplicated([valid, deep]);
      });
      expect(escaped).toEqual([]);
      expect(results[0]).toMatchObject({ id: valid._id, ok: true });
      expect(results[1]).toMatchObject({ id: deep._id, ok: false, code: 'TERN_STORE_DOC_TOO_DEEP' });
      expect(results[1]?.reason).toMatch(/nested deeper than 1000 levels/);
      expect((await db.get(valid._id))?._rev).toBe(valid._rev);
      expect(await db.get(deep._id)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('is refused as a _local document, an interactive edit and a keyed record, and the process lives on', async () => {
    const store = new TernStore(options());
    try {
      const db = store.mission('demo');
      const outcomes: unknown[] = [];
      const escaped = await escapedDuring(async () => {
        const attempts: Array<() => Promise<unknown>> = [
          () => db.putLocal('checkpoint', { v: nested(6000) }),
          () => db.writeEdits([{ _id: 'sub:01J0000000000000000000000C', v: nested(6000) }], () => null),
          () => store.ops('demo').put({ _id: 'device:x', v: nested(6000) }),
          () => store.system().create({ _id: 'audit:x', v: nested(6000) }),
        ];
        for (const attempt of attempts) {
          outcomes.push(
            await attempt().then(
              (r) => r,
              (e: unknown) => (e as { code?: string }).code,
            ),
          );
        }
      });
      expect(escaped).toEqual([]);
      expect(outcomes[0]).toBe('TERN_STORE_DOC_TOO_DEEP');
      expect(outcomes[1]).toEqual([
        expect.objectContaining({
          ok: false,
          error: 'forbidden',
          reason: expect.stringMatching(/TERN_STORE_DOC_TOO_DEEP/),
        }),
      ]);
      expect(outcomes.slice(2)).toEqual(['TERN_STORE_DOC_TOO_DEEP', 'TERN_STORE_DOC_TOO_DEEP']);
      // Still working afterwards.
      expect(await db.putLocal('checkpoint', { ok: 1 })).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});
