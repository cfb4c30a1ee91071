import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { ResearchTableResponse } from '@tern/api';
import { formatNumber } from '../i18n/i18n.ts';
import { ChartCanvas, PALETTE } from './ChartCanvas.tsx';
import { sankeyData } from './chart-data.ts';
import { dimLabel, valueLabel } from './labels.ts';

/**
 * Routes (HTCDS trafficking events): recruitment → transit → exploitation country, as a sankey chart
 * and as a table of the published routes. A route under k is absent from both.
 */
export function FlowsView(props: { flows: ResearchTableResponse }) {
  const { t, i18n } = useTranslation('research');
  const { flows } = props;
  const label = (dim: string, v: string) => valueLabel(t, i18n.language, dim, v);
  const config = useMemo((): ChartConfiguration | null => {
    const { flows: links, nodes } = sankeyData(flows);
    if (links.length === 0) return null;
    const labels = Object.fromEntries(
      [...nodes].map(([key, dv]) => {
        const [dim, v] = dv.split('\u0000') as [string, string];
        return [key, label(dim, v)];
      }),
    );
    const colour = (key: string) => PALETTE[Number(key.split(':')[0]) % PALETTE.length]!;
    return {
      type: 'sankey',
      data: {
        datasets: [
          {
            label: t('flows.title'),
            data: links,
            labels,
            colorFrom: (c) => colour(c.raw.from),
            colorTo: (c) => colour(c.raw.to),
            colorMode: 'gradient',
            parsing: { from: 'from', to: 'to', flow: 'flow' },
          },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false },
    } as ChartConfiguration;
  }, [flows, i18n.language]); // the labels follow the language

  const rows = [...flows.cells].sort((a, b) => b.value - a.value);
  return (
    <section className="research-flows" aria-label={t('flows.title')}>
      <h2>{t('flows.title')}</h2>
      {config ? (
        <ChartCanvas config={config} label={t('flows.title')} tall />
      ) : (
        <p>{t('flows.none', { k: flows.disclosure.k })}</p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t('flows.table')} tabIndex={0}>
          <table className="research-table flows-table">
            <caption>{t('flows.table')}</caption>
            <thead>
              <tr>
                {flows.dims.map((d) => (
                  <th scope="col" key={d}>
                    {dimLabel(t, d)}
                  </th>
                ))}
                <th scope="col">{t('table.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.values.join('\u0000')}>
                  {c.values.map((v, i) => (
                    <td key={i}>{v === '' || v === 'none' ? '—' : label(flows.dims[i]!, v)}</td>
                  ))}
                  <td>{formatNumber(c.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
