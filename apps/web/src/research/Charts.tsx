import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { ResearchTableResponse } from '@tern/api';
import { dirOf } from '../i18n/i18n.ts';
import { ChartCanvas, PALETTE } from './ChartCanvas.tsx';
import { barData, lineData, shareData } from './chart-data.ts';
import type { ChartData } from './chart-data.ts';
import { dimLabel, valueLabel } from './labels.ts';
import type { TableModel } from './table-model.ts';

function config(
  type: 'bar' | 'line',
  data: ChartData,
  rtl: boolean,
  opts: { stacked?: boolean; percent?: boolean } = {},
): ChartConfiguration {
  return {
    type,
    data: {
      labels: data.categories,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: PALETTE[i % PALETTE.length],
        borderColor: PALETTE[i % PALETTE.length],
        spanGaps: false,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: document.documentElement.lang,
      plugins: {
        legend: { rtl, position: 'bottom', display: data.series.length > 1 },
        tooltip: { rtl },
      },
      scales: {
        x: { reverse: rtl, stacked: opts.stacked ?? false },
        y: {
          beginAtZero: true,
          stacked: opts.stacked ?? false,
          position: rtl ? 'right' : 'left',
          ...(opts.percent ? { max: 100, ticks: { callback: (v) => `${v} %` } } : {}),
        },
      },
    },
  };
}

/**
 * Bars by category, the same as shares stacked to 100 %, and cases per year. Drawn from published
 * cells only; what is suppressed in the table is missing here too (a gap, never a zero).
 */
export function Charts(props: { model: TableModel; series: ResearchTableResponse | null }) {
  const { t, i18n } = useTranslation('research');
  const rtl = dirOf(i18n.language) === 'rtl';
  const label = (dim: string, v: string) => valueLabel(t, i18n.language, dim, v);
  const bars = useMemo(
    () => barData(props.model, label, t('table.cases')),
    [props.model, i18n.language], // the labels follow the language
  );
  const barConfig = useMemo(() => config('bar', bars, rtl), [bars, rtl]);
  const shareConfig = useMemo(
    () => config('bar', shareData(bars, t('table.total')), rtl, { stacked: true, percent: true }),
    [bars, rtl, t],
  );
  const lines = useMemo(
    () => (props.series ? lineData(props.series, label, t('table.cases')) : null),
    [props.series, i18n.language], // the labels follow the language
  );
  const lineConfig = useMemo(() => (lines ? config('line', lines, rtl) : null), [lines, rtl]);
  const first = props.model.axes[0]?.dim ?? '';
  const by = props.series?.dims.find((d) => d !== 'year');

  return (
    <section className="research-charts" aria-label={t('charts.title')}>
      <h2>{t('charts.title')}</h2>
      <h3>{t('charts.bars', { dim: dimLabel(t, first) })}</h3>
      <ChartCanvas config={barConfig} label={t('charts.bars', { dim: dimLabel(t, first) })} />
      <h3>{t('charts.shares', { dim: dimLabel(t, first) })}</h3>
      <ChartCanvas config={shareConfig} label={t('charts.shares', { dim: dimLabel(t, first) })} />
      {lineConfig && (
        <>
          <h3>{by ? t('charts.linesBy', { dim: dimLabel(t, by) }) : t('charts.lines')}</h3>
          <ChartCanvas config={lineConfig} label={t('charts.lines')} />
          {lines?.categories.length === 0 && <p>{t('charts.noYears')}</p>}
        </>
      )}
    </section>
  );
}
