import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ x: NaN })).toThrow(/not representable/);
    expect(() => canonicalJson(Infinity)).toThrow(/not representable/);
  });
  it('keeps unicode text as is', () => {
    expect(canonicalJson({ name: 'أمينة' })).toBe('{"name":"أمينة"}');
  });
});
