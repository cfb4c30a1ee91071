import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { RunResults } from '@tern/api';
import { ChartCanvas, PALETTE } from '../research/ChartCanvas.tsx';
import { comparison, pyramid, totalsOverTime } from './projection-model.ts';

const colour = (k: number) => PALETTE[k % PALETTE.length]!;

/**
 * The four charts of a run (Chart.js, as the research dashboard): the pyramid of one region, year and
 * scenario; totals of the chosen regions over time; the chosen region's total under each scenario; its
 * old-age dependency ratio under each scenario. The same numbers are in the tables below.
 */
export function DemographyCharts(props: {
  results: RunResults;
  regions: string[];
  region: string;
  year: number;
  scenario: number;
}) {
  const { t, i18n } = useTranslation('demography');
  const { results: r, region, year, scenario, regions } = props;
  const rtl = i18n.dir() === 'rtl';
  const years = r.years.map(String);
  const configs = useMemo(() => {
    const rows = pyramid(r, scenario, region, year).reverse();
    const pyr: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: rows.map((x) => x.age),
        datasets: [
          { label: t('sex.men'), data: rows.map((x) => -x.men), backgroundColor: colour(0) },
          { label: t('sex.women'), data: rows.map((x) => x.women), backgroundColor: colour(1) },
        ],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            stacked: true,
            reverse: rtl,
            ticks: { callback: (v) => Math.abs(Number(v)).toLocaleString(i18n.language) },
          },
          y: { stacked: true, position: rtl ? 'right' : 'left' },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (c) => `${c.dataset.label}: ${Math.abs(Number(c.raw)).toLocaleString(i18n.language)}`,
            },
          },
        },
      },
    };
    const line = (datasets: Array<{ label: string; data: number[] }>): ChartConfiguration => ({
      type: 'line',
      data: {
        labels: years,
        datasets: datasets.map((d, k) => ({ ...d, borderColor: colour(k), backgroundColor: colour(k) })),
      },
      options: { maintainAspectRatio: false, animation: false, scales: { x: { reverse: rtl } } },
    });
    const totals = totalsOverTime(r, scenario, regions.slice(0, 12));
    const cmp = comparison(r, [region]);
    const byScenario = (value: (row: (typeof cmp)[number]) => number) =>
      r.scenarios.map((s) => ({ label: s.name, data: cmp.filter((c) => c.scenario === s.name).map(value) }));
    return {
      pyr,
      totals: line(Object.entries(totals).map(([label, data]) => ({ label, data }))),
      scenarios: line(byScenario((c) => c.total)),
      oad: line(byScenario((c) => c.oldAgeDependency)),
    };
  }, [r, region, year, scenario, regions, rtl, t, i18n.language, years]);
  const name = r.scenarios[scenario]?.name ?? '';
  return (
    <div className="demog-charts">
      <figure>
        <figcaption>{t('charts.pyramid', { region, year: r.years[year], scenario: name })}</figcaption>
        <ChartCanvas
          config={configs.pyr}
          label={t('charts.pyramid', { region, year: r.years[year], scenario: name })}
          tall
        />
      </figure>
      <figure>
        <figcaption>{t('charts.totals', { scenario: name })}</figcaption>
        <ChartCanvas config={configs.totals} label={t('charts.totals', { scenario: name })} />
      </figure>
      <figure>
        <figcaption>{t('charts.scenarios', { region })}</figcaption>
        <ChartCanvas config={configs.scenarios} label={t('charts.scenarios', { region })} />
      </figure>
      <figure>
        <figcaption>{t('charts.oad', { region })}</figcaption>
        <ChartCanvas config={configs.oad} label={t('charts.oad', { region })} />
      </figure>
    </div>
  );
}
