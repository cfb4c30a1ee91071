import { isStoreError } from '../errors.ts';
import { MAX_DOC_DEPTH } from '../storable.ts';
import { check, eq, rejectsWith, ID, body, rev, nested, withStore } from './conformance-helpers.ts';
import type { ConformanceCase } from './conformance-helpers.ts';

/** Keyed records (ops, forms, system), the depth limit on every write path, and mission ids. */
export const keyedAndLimitsCases: Record<string, ConformanceCase> = {
  'keyed records (ops, forms, system): get, put with revisions, create, list, remove': (make) =>
    withStore(make, async (s) => {
      for (const [name, docs] of [
        ['ops', s.ops('m1')],
        ['forms', s.forms()],
        ['system', s.system()],
      ] as const) {
        const r1 = await docs.put({ _id: 'device:b', n: 1 });
        const r2 = await docs.put({ _id: 'device:b', _rev: r1, n: 2 });
        await rejectsWith(
          docs.put({ _id: 'device:b', _rev: r1, n: 3 }),
          'TERN_STORE_CONFLICT',
          `${name} stale`,
        );
        await rejectsWith(
          docs.put({ _id: 'device:b', n: 3 }),
          'TERN_STORE_CONFLICT',
          `${name} put without rev`,
        );
        await rejectsWith(docs.create({ _id: 'device:b', n: 4 }), 'TERN_STORE_CONFLICT', `${name} create`);
        eq((await docs.get('device:b'))?.n, 2, `${name} kept the second write`);
        await docs.create({ _id: 'device:a' });
        await docs.create({ _id: 'device:c' });
        await docs.create({ _id: 'devicex' });
        eq(
          (await docs.list('device:')).map((d) => d._id),
          ['device:a', 'device:b', 'device:c'],
          `${name} list`,
        );
        const desc = await docs.list('device:', { descending: true, limit: 1, cursor: 'device:c' });
        eq(
          desc.map((d) => d._id),
          ['device:b'],
          `${name} list after a cursor, newest first`,
        );
        eq(
          (await docs.getMany(['device:c', 'device:z'])).map((d) => d?._id),
          ['device:c', undefined],
          `${name} getMany`,
        );
        await docs.remove('device:b', r2);
        await docs.remove('device:a');
        await docs.remove('device:none');
        eq(
          (await docs.list('device:')).map((d) => d._id),
          ['device:c'],
          `${name} after removes`,
        );
        eq(await docs.get('device:b'), undefined, `${name} a removed record is absent`);
        eq(
          (await docs.getMany(['device:a', 'device:c', 'device:none', 'device:c'])).map((d) => d?._id),
          [undefined, 'device:c', undefined, 'device:c'],
          `${name} getMany after removes, in the order asked`,
        );
      }
      eq(await s.mission('m1').docCount(), 0, 'keyed records are no mission records');
    }),

  'refuses a document nested too deep on every write path, and stores the rest of the batch': (make) =>
    withStore(make, async (s) => {
      const db = s.mission('m1');
      const deep = nested(MAX_DOC_DEPTH + 5);
      const good = rev(ID(1), body('fine'));
      const bad = rev(ID(2), body('deep', { answers: deep }));
      const res = await db.writeReplicated([good, bad]);
      eq(
        res.map((r) => r.ok),
        [true, false],
        'replicated batch',
      );
      check(/TERN_STORE_DOC_TOO_DEEP/.test(res[1]?.reason ?? ''), `reason names the code: ${res[1]?.reason}`);
      eq(res[1]?.code, 'TERN_STORE_DOC_TOO_DEEP', 'code');
      eq((await db.get(ID(1)))?._rev, good._rev, 'the valid document is stored');
      eq(await db.get(ID(2)), undefined, 'the deep one is not');
      const [edit] = await db.writeEdits([{ _id: ID(3), answers: deep }], () => null);
      eq(edit?.ok === false && edit.error, 'forbidden', 'interactive edit');
      await rejectsWith(db.putLocal('cp', { deep }), 'TERN_STORE_DOC_TOO_DEEP', '_local put');
      await rejectsWith(s.ops('m1').put({ _id: 'x:1', deep }), 'TERN_STORE_DOC_TOO_DEEP', 'ops put');
      await rejectsWith(s.system().create({ _id: 'x:1', deep }), 'TERN_STORE_DOC_TOO_DEEP', 'system create');
      const ok = await db.writeReplicated([
        rev(ID(4), body('at the limit', { a: nested(MAX_DOC_DEPTH - 2) })),
      ]);
      eq(
        ok.map((r) => r.ok),
        [true],
        'a document just within the limit is stored',
      );
    }),

  'mission ids are checked, and missions are kept apart': (make) =>
    withStore(make, async (s) => {
      for (const bad of ['../etc', 'Demo', '', 'a/b']) {
        let code: string | undefined;
        try {
          s.mission(bad);
        } catch (e) {
          code = isStoreError(e) ? e.code : String(e);
        }
        eq(code, 'TERN_STORE_BAD_MISSION', `mission id ${JSON.stringify(bad)}`);
      }
      await s.mission('m1').writeReplicated([rev(ID(1), body('one'))]);
      eq(await s.mission('m2').docCount(), 0, 'another mission');
      eq(await s.system().get(ID(1)), undefined, 'the system database');
    }),
};
