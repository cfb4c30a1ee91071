import { describe, expect, it } from 'vitest';
import type { ResearchTableResponse } from '@tern/api';
import { orderValues, tableModel } from './table-model.ts';

const base = {
  filters: {},
  total: 0,
  margins: [],
  disclosure: { k: 11, ptable: 'normal-2', method: 'cell-key' },
} satisfies Partial<ResearchTableResponse>;

describe('the research table as shown', () => {
  const twoWay = tableModel(
    {
      ...base,
      dims: ['exploitation', 'gender'],
      cells: [
        { values: ['ForcedLabour', 'Masculine'], value: 40 },
        { values: ['ForcedLabour', 'Feminine'], value: 12 },
        { values: ['SexualExploitation', 'Feminine'], value: 33 },
      ],
      margins: [
        {
          dim: 'exploitation',
          values: [
            { value: 'ForcedLabour', total: 52 },
            { value: 'SexualExploitation', total: 33 },
          ],
        },
        {
          dim: 'gender',
          values: [
            { value: 'Masculine', total: 40 },
            { value: 'Feminine', total: 45 },
          ],
        },
      ],
      total: 85,
    },
    {
      gender: ['Feminine', 'Masculine'],
      exploitation: ['ForcedLabour', 'SexualExploitation', 'ChildLabour'],
    },
  );

  it('shows every combination of the known values, an unlisted one as suppressed (null)', () => {
    expect(twoWay.axes.map((a) => a.values)).toEqual([
      ['ForcedLabour', 'SexualExploitation', 'ChildLabour'],
      ['Feminine', 'Masculine'],
    ]);
    expect(twoWay.cell(['ForcedLabour', 'Masculine'])).toBe(40);
    expect(twoWay.cell(['SexualExploitation', 'Masculine'])).toBeNull();
    expect(twoWay.cell(['ChildLabour', 'Feminine'])).toBeNull();
    expect(twoWay.published).toBe(3);
    expect(twoWay.hidden).toBe(3);
  });

  it('takes margins from the server, and says suppressed where the server has none', () => {
    expect(twoWay.margin('gender', 'Feminine')).toBe(45);
    expect(twoWay.margin('exploitation', 'ChildLabour')).toBeNull();
    expect(twoWay.total).toBe(85);
  });

  it('sums published cells only, and calls a sum over nothing published suppressed', () => {
    expect(twoWay.sum([null, 'Feminine'])).toBe(45);
    expect(twoWay.sum(['ChildLabour', null])).toBeNull();
  });

  it('keeps only the values a filter keeps, in the filter of a table dimension', () => {
    const m = tableModel(
      {
        ...base,
        dims: ['gender'],
        filters: { gender: ['Feminine'] },
        cells: [{ values: ['Feminine'], value: 20 }],
      },
      { gender: ['Feminine', 'Masculine', 'NonConforming'] },
    );
    expect(m.axes[0]!.values).toEqual(['Feminine']);
    expect(m.hidden).toBe(0);
  });

  it('adds values the answer has that the catalogue did not list (an imported source)', () => {
    const m = tableModel(
      { ...base, dims: ['citizenship'], cells: [{ values: ['UA'], value: 30 }] },
      { citizenship: ['MD'] },
    );
    expect(m.axes[0]!.values).toEqual(['MD', 'UA']);
  });
});

describe('the order of values', () => {
  it('puts years and age bands in numeric order and unknown last', () => {
    expect(orderValues(['2024', 'unknown', '2019', '2021'])).toEqual(['2019', '2021', '2024', 'unknown']);
    expect(orderValues(['48+', '9--17', 'unknown', '0--8', '18--20'])).toEqual([
      '0--8',
      '9--17',
      '18--20',
      '48+',
      'unknown',
    ]);
  });

  it('keeps the order of the known list for codes', () => {
    expect(orderValues(['b', 'c'], ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
  });
});
