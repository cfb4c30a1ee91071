import { describe, expect, it } from 'vitest';
import { nextRevision } from '@tern/sync';
import { planEdit } from './couch-writes.ts';
import { latestLeaves } from './leaves.ts';
import type { Leaf } from './leaves.ts';

function leaf(body: Record<string, unknown>, parent?: Leaf, deleted = false): Leaf {
  const r = nextRevision(parent ? { rev: parent.rev, revisions: parent.revisions } : null, body, { deleted });
  return { rev: r.rev, deleted, revisions: r.revisions, doc: { _rev: r.rev, ...body } };
}

describe('planEdit (CouchDB new_edits:true rules with Tern revisions)', () => {
  const base = leaf({ v: 0 });

  it('creates a new document as generation 1 with the device rev for the same body', () => {
    const plan = planEdit({ _id: 'sub:A', v: 0 }, []);
    expect(plan).toMatchObject({ _id: 'sub:A', _rev: base.rev, _revisions: base.revisions, v: 0 });
  });

  it('answers conflict without _rev on a live document, and with a rev that is not a leaf', () => {
    const child = leaf({ v: 1 }, base);
    expect(planEdit({ _id: 'sub:A', v: 2 }, [base])).toBe('conflict');
    expect(planEdit({ _id: 'sub:A', _rev: base.rev, v: 2 }, [child])).toBe('conflict');
  });

  it('extends the named leaf, and revives an all-deleted document from its winning tombstone', () => {
    const plan = planEdit({ _id: 'sub:A', _rev: base.rev, v: 1 }, [base]);
    expect(plan).toMatchObject({ _rev: leaf({ v: 1 }, base).rev, _revisions: { start: 2 } });
    const tomb = leaf({}, base, true);
    const revived = planEdit({ _id: 'sub:A', v: 5 }, [tomb]);
    expect(revived).toMatchObject({
      _revisions: { start: 3, ids: expect.arrayContaining([tomb.revisions.ids[0]]) },
    });
  });
});

describe('latestLeaves', () => {
  it('finds the leaves that descend from a rev, itself when it is a leaf, none when unknown', () => {
    const base = leaf({ v: 0 });
    const left = leaf({ v: 1 }, base);
    const right = leaf({ v: 2 }, base);
    expect(latestLeaves([left, right], base.rev).map((l) => l.rev)).toEqual([left.rev, right.rev]);
    expect(latestLeaves([left, right], left.rev)).toEqual([left]);
    expect(latestLeaves([left, right], '1-unknown')).toEqual([]);
  });
});
