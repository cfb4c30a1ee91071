import { describe, expect, it } from 'vitest';
import { jsonDepth } from './json-body.ts';

describe('jsonDepth', () => {
  it('counts [ and { outside strings only', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    expect(jsonDepth('{"a":"\\"[[[","b":[]}')).toBe(2);
    expect(jsonDepth('{"a":"\\\\","b":[[]]}')).toBe(3);
  });

  it('stops as soon as the limit is passed', () => {
    expect(jsonDepth('['.repeat(1_000_000), 64)).toBe(65);
  });

  it('scans an 8 MiB body in well under the time JSON.parse takes', () => {
    // A realistic sync batch: many small documents, strings with brackets in them.
    const doc = JSON.stringify({
      _id: 'sub:x',
      answers: { note: 'a [bracket] {and} "quote"', list: [1, 2, 3] },
    });
    const body = `{"docs":[${Array.from({ length: Math.ceil((8 * 1024 * 1024) / doc.length) }, () => doc).join(',')}]}`;
    let scan = Infinity;
    let parse = Infinity;
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      expect(jsonDepth(body, 64)).toBe(5);
      scan = Math.min(scan, performance.now() - t0);
      t0 = performance.now();
      JSON.parse(body);
      parse = Math.min(parse, performance.now() - t0);
    }
    console.info(
      `jsonDepth on ${(body.length / 1048576).toFixed(1)} MiB: ${scan.toFixed(1)} ms (JSON.parse ${parse.toFixed(1)} ms)`,
    );
    expect(scan).toBeLessThan(parse * 2);
  });
});
