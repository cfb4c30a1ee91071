import { describe, expect, it } from 'vitest';
import { quickScreening } from '@tern/forms';
import { screening } from '@tern/forms/case-forms';
import { pageOfPath, pagesOf } from './pages.ts';
import { parseNumber } from './question-inputs.tsx';

describe('pages', () => {
  it('puts each top-level group or repeat on its own page and runs of questions together', () => {
    expect(pagesOf(quickScreening.children).map((p) => p.nodes.map((n) => n.name))).toEqual([
      ['person'],
      ['exploitation', 'notes'],
    ]);
    expect(pagesOf(screening.children).map((p) => p.container?.name)).toEqual([
      'consent',
      'person',
      'trafficking',
      'decision',
    ]);
  });

  it('finds the page of an issue path', () => {
    const pages = pagesOf(quickScreening.children);
    const top = (name: string) => (name === 'age' ? 'person' : name);
    expect(pageOfPath(pages, top, 'age')).toBe(0);
    expect(pageOfPath(pages, top, 'notes')).toBe(1);
    expect(pageOfPath(pages, top, 'events[2].x')).toBe(0);
  });
});

describe('parseNumber', () => {
  it('stores numbers, keeps what does not read as one', () => {
    expect(parseNumber('', true)).toBeUndefined();
    expect(parseNumber(' 42 ', true)).toBe(42);
    expect(parseNumber('-3', true)).toBe(-3);
    expect(parseNumber('1.5', true)).toBe('1.5');
    expect(parseNumber('1.5', false)).toBe(1.5);
    expect(parseNumber('1,5', false)).toBe(1.5);
    expect(parseNumber('1.', false)).toBe(1);
    expect(parseNumber('abc', false)).toBe('abc');
  });
});
