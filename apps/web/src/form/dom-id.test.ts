import { describe, expect, it } from 'vitest';
import { domId } from './form-context.ts';

describe('domId', () => {
  it('keeps plain names and repeat paths readable', () => {
    expect(domId('consent')).toBe('q-consent');
    expect(domId('hh-size')).toBe('q-hh-size');
    expect(domId('rep#01HXYZ/r_int')).toBe('q-rep-01HXYZ-r_int');
  });

  it('gives names that differ only by a dot, a hyphen or an accent their own ids', () => {
    const names = ['q1.2', 'q1-2', 'q1_2', 'âgé', 'ägè', 'age', 'a.b.c', 'a-b-c', 'ሀገር', 'بلد'];
    const ids = names.map(domId);
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^q-[A-Za-z0-9_-]+$/);
  });
});
