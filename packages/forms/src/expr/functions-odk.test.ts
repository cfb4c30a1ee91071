import { describe, expect, it } from 'vitest';
import { evaluateForm } from '../evaluate-form.ts';
import { run } from './expr-test-helpers.ts';

describe('ODK XPath functions (issue 17)', () => {
  it.each([
    ['sqrt(16)', 4],
    ['pow(2, 0.5) * pow(2, 0.5)', 2.0000000000000004],
    ['exp(0)', 1],
    ['exp10(2)', 100],
    ['log(1)', 0],
    ['log10(1000)', 3],
    ['round(sin(pi() div 2), 3)', 1],
    ['round(atan2(1, 1) * 4, 5)', 3.14159],
    ["boolean-from-string('true')", true],
    ["boolean-from-string('yes')", false],
    ["checklist(1, 2, 'a', '', 'b')", true],
    ["checklist(-1, 1, 'a', 'b')", false],
    ["weighted-checklist(3, -1, 'a', 2, '', 5, 'b', 1)", true],
    ["translate('abc', 'abc', 'ABC')", 'ABC'],
    [
      "format-date-time('2026-03-04T05:06:07.5', '%Y/%n/%e %H:%M:%S.%3 %a %b')",
      '2026/3/4 05:06:07.500 Wed Mar',
    ],
    ["round(decimal-time('12:00'), 3)", 0.5],
    ["base64-decode('w6lsw6h2ZQ==')", 'élève'],
    ["round(distance('0 0;0 1'))", 111319],
    ["round(area('0 0;0 1;1 1;1 0;0 0') div 1000000)", 12391],
  ])('%s → %j', (src, want) => {
    expect(run(src)).toBe(want);
  });
  it('count-non-empty() counts the answered entries of a repeat', () => {
    expect(run('count-non-empty(${xs})', { xs: ['a', '', 'b'] })).toBe(2);
  });
  it('uuid() makes a version-4 UUID, now() reads the clock', () => {
    expect(String(run('uuid()'))).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(run('now()'))).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('indexed-repeat() reads the n-th entry of a repeat, nested or not', () => {
    const form = {
      id: 'ir',
      version: '1',
      title: { en: 'IR' },
      defaultLanguage: 'en',
      children: [
        {
          type: 'repeat' as const,
          name: 'hh',
          label: {},
          children: [
            { type: 'text' as const, name: 'head', label: {} },
            {
              type: 'repeat' as const,
              name: 'member',
              label: {},
              children: [{ type: 'text' as const, name: 'who', label: {} }],
            },
            {
              type: 'calculate' as const,
              name: 'first_member',
              calculate: 'indexed-repeat(${who}, ${member}, 1)',
            },
          ],
        },
        { type: 'calculate' as const, name: 'second_head', calculate: 'indexed-repeat(${head}, ${hh}, 2)' },
        {
          type: 'calculate' as const,
          name: 'deep',
          calculate: 'indexed-repeat(${who}, ${hh}, 2, ${member}, 2)',
        },
      ],
    };
    const v = evaluateForm(form, {
      hh: [
        { _id: 'a', head: 'Ama', member: [{ _id: 'm1', who: 'Kofi' }] },
        {
          _id: 'b',
          head: 'Abebe',
          member: [
            { _id: 'm2', who: 'Sara' },
            { _id: 'm3', who: 'Yonas' },
          ],
        },
      ],
    }).values;
    expect(v.second_head).toBe('Abebe');
    expect(v.deep).toBe('Yonas');
    expect((v.hh as Array<{ first_member?: string }>).map((h) => h.first_member)).toEqual(['Kofi', 'Sara']);
  });
});

describe('docs/forms.md names every function (issue 17)', () => {
  it('lists each function of the library in its table', async () => {
    const { readFileSync } = await import('node:fs');
    const { FUNCTIONS } = await import('./functions.ts');
    const doc = readFileSync(new URL('../../../../docs/forms.md', import.meta.url), 'utf8');
    const special = [
      'if',
      'today',
      'position',
      'regex',
      'now',
      'uuid',
      'once',
      'jr:choice-name',
      'indexed-repeat',
    ];
    const missing = [...FUNCTIONS.keys(), ...special].filter((f) => !doc.includes(`\`${f}\``));
    expect(missing).toEqual([]);
    expect(String(run('uuid(12)'))).toMatch(/^[A-Za-z0-9]{12}$/);
  });
});
