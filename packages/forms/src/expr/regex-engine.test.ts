import { describe, expect, it } from 'vitest';
import { loadRegexEngine, regexEngine } from './regex-engine-lazy.ts';
import { usesRegex } from './regex-engine.ts';

describe('the regex() engine in the browser build', () => {
  it('is absent until loaded, then matches in RE2 semantics', async () => {
    expect(regexEngine()).toBeNull();
    await Promise.all([loadRegexEngine(), loadRegexEngine()]);
    const re = regexEngine()!;
    expect(re.compile('^[0-9]{3}$').matcher('123').find()).toBe(true);
    expect(re.compile('^[0-9]{3}$').matcher('12a').find()).toBe(false);
    // No backreferences in RE2: refused at compile time, as the form check expects.
    expect(() => re.compile('(a)\\1')).toThrow();
  });

  it('is asked for only by forms that call regex()', () => {
    expect(usesRegex({ fields: [{ constraint: "regex(., '^[0-9]+$')" }] })).toBe(true);
    expect(usesRegex({ fields: [{ constraint: 'regex (.,"x")' }] })).toBe(true);
    expect(
      usesRegex({ fields: [{ label: 'Regular expressions are not used here', constraint: '. > 0' }] }),
    ).toBe(false);
  });
});
