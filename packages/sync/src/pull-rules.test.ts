import { describe, expect, it } from 'vitest';
import { decidePull } from './pull-rules.ts';
import { nextRevision } from './rev-id.ts';

const wire = (r: { rev: string; revisions: { start: number; ids: string[] } }) => ({
  _rev: r.rev,
  _revisions: r.revisions,
});

describe('decidePull', () => {
  const a = nextRevision(null, { v: 1 });
  const b = nextRevision(a, { v: 2 });
  const c = nextRevision(a, { v: 3 });

  it('inserts unknown documents and ignores the same revision', () => {
    expect(decidePull(undefined, wire(a))).toBe('insert');
    expect(decidePull({ ...a, unpushed: false }, wire(a))).toBe('same');
  });
  it('fast-forwards to a descendant, even over an unpushed local rev the server already has', () => {
    expect(decidePull({ ...a, unpushed: false }, wire(b))).toBe('fast-forward');
    expect(decidePull({ ...a, unpushed: true }, wire(b))).toBe('fast-forward');
  });
  it('keeps a local edit made after the pulled revision', () => {
    expect(decidePull({ ...b, unpushed: true }, wire(a))).toBe('keep-local');
  });
  it('never replaces an unpushed edit on a diverged branch', () => {
    expect(decidePull({ ...c, unpushed: true }, wire(b))).toBe('keep-local-conflict');
    expect(decidePull({ ...c, unpushed: false }, wire(b))).toBe('take-remote-conflict');
  });
});
