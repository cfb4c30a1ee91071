import { describe, expect, it } from 'vitest';
import type { ResearchTableResponse } from '@tern/api';
import { barData, lineData, sankeyData, shareData } from './chart-data.ts';
import { tableModel } from './table-model.ts';

const answer = (dims: string[], cells: { values: string[]; value: number }[]): ResearchTableResponse => ({
  asOf: '2026-12-02T10:00:00.000Z',
  behind: [],
  recreated: null,
  counts: 'cases',
  dims,
  filters: {},
  missions: ['m1'],
  source: 'missions',
  cells,
  margins: [],
  total: cells.reduce((s, c) => s + c.value, 0),
  disclosure: { k: 11, ptable: 'p', method: 'cell-key' },
});
const label = (dim: string, v: string) => `${dim}=${v}`;

describe('chart data from published cells', () => {
  const model = tableModel(
    answer(
      ['exploitation', 'gender', 'ageBand'],
      [
        { values: ['ForcedLabour', 'Masculine', '18--20'], value: 20 },
        { values: ['ForcedLabour', 'Masculine', '21--23'], value: 15 },
        { values: ['ForcedLabour', 'Feminine', '18--20'], value: 15 },
        { values: ['SexualExploitation', 'Feminine', '18--20'], value: 30 },
      ],
    ),
  );

  it('draws bars by the first dimension, one series per value of the second, the third summed', () => {
    const bars = barData(model, label, 'Cases');
    expect(bars.categories).toEqual(['exploitation=ForcedLabour', 'exploitation=SexualExploitation']);
    // Without the catalogue's order (meta), codes come alphabetically.
    expect(bars.series).toEqual([
      { label: 'gender=Feminine', data: [15, 30] },
      { label: 'gender=Masculine', data: [35, null] },
    ]);
  });

  it('stacks shares to 100 % of what was published in each category', () => {
    const shares = shareData(barData(model, label, 'Cases'), 'Total');
    expect(shares.series.map((s) => s.data)).toEqual([
      [30, 100],
      [70, null],
    ]);
  });

  it('with one dimension, stacks the values into one bar of the total', () => {
    const one = tableModel(
      answer(
        ['gender'],
        [
          { values: ['Feminine'], value: 30 },
          { values: ['Masculine'], value: 10 },
        ],
      ),
    );
    const shares = shareData(barData(one, label, 'Cases'), 'Total');
    expect(shares.categories).toEqual(['Total']);
    expect(shares.series).toEqual([
      { label: 'gender=Feminine', data: [75] },
      { label: 'gender=Masculine', data: [25] },
    ]);
  });

  it('draws lines over years in order, a gap (null) where a year was not published', () => {
    const lines = lineData(
      answer(
        ['year', 'gender'],
        [
          { values: ['2024', 'Feminine'], value: 12 },
          { values: ['2022', 'Feminine'], value: 14 },
          { values: ['2022', 'Masculine'], value: 11 },
          { values: ['unknown', 'Masculine'], value: 13 },
        ],
      ),
      label,
      'Cases',
    );
    expect(lines.categories).toEqual(['2022', '2024']);
    expect(lines.series).toEqual([
      { label: 'gender=Feminine', data: [14, 12] },
      { label: 'gender=Masculine', data: [11, null] },
    ]);
  });

  it('links routes stage by stage, sums shared links, and skips a missing transit', () => {
    const { flows, nodes } = sankeyData(
      answer(
        ['recruitmentCountry', 'transitCountries', 'exploitationCountry'],
        [
          { values: ['UA', 'PL', 'DE'], value: 20 },
          { values: ['UA', 'PL', 'FR'], value: 12 },
          { values: ['MD', 'none', 'DE'], value: 15 },
          // A country may be origin and destination: stages keep the graph free of cycles.
          { values: ['DE', 'PL', 'UA'], value: 11 },
        ],
      ),
    );
    expect(flows).toContainEqual({ from: '0:UA', to: '1:PL', flow: 32 });
    expect(flows).toContainEqual({ from: '1:PL', to: '2:DE', flow: 20 });
    expect(flows).toContainEqual({ from: '0:MD', to: '2:DE', flow: 15 });
    expect(flows).toContainEqual({ from: '0:DE', to: '1:PL', flow: 11 });
    expect(flows.every((f) => f.from.split(':')[0]! < f.to.split(':')[0]!)).toBe(true);
    expect(nodes.get('2:DE')).toBe('exploitationCountry\u0000DE');
    expect(nodes.has('1:none')).toBe(false);
  });
});
