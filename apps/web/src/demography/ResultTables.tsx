import { useTranslation } from 'react-i18next';
import type { RunResults } from '@tern/api';
import { comparison, pyramid } from './projection-model.ts';

/**
 * The numbers behind the charts: the pyramid of the chosen region, year and scenario, and the scenario
 * comparison of the chosen region (total, difference from the baseline, old-age dependency ratio).
 * Each cell carries its unrounded value in `data-value`.
 */
export function ResultTables(props: { results: RunResults; region: string; year: number; scenario: number }) {
  const { t, i18n } = useTranslation('demography');
  const { results: r, region, year, scenario } = props;
  const whole = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const ratio = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const rows = pyramid(r, scenario, region, year);
  const cmp = comparison(r, [region]);
  return (
    <div className="demog-tables">
      <div className="table-scroll">
        <table className="demog-table" data-table="pyramid">
          <caption>
            {t('charts.pyramid', {
              region,
              year: r.years[year],
              scenario: r.scenarios[scenario]?.name ?? '',
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('tables.age')}</th>
              <th scope="col">{t('sex.women')}</th>
              <th scope="col">{t('sex.men')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.age} data-age={x.age}>
                <th scope="row">{x.age}</th>
                <td data-sex="F" data-value={x.women}>
                  {whole.format(x.women)}
                </td>
                <td data-sex="M" data-value={x.men}>
                  {whole.format(x.men)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="demog-table" data-table="comparison">
          <caption>{t('tables.comparison', { region })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tables.scenario')}</th>
              <th scope="col">{t('tables.year')}</th>
              <th scope="col">{t('tables.total')}</th>
              <th scope="col">{t('tables.difference')}</th>
              <th scope="col">{t('tables.oad')}</th>
            </tr>
          </thead>
          <tbody>
            {cmp.map((c) => (
              <tr key={`${c.scenario}|${c.year}`} data-scenario={c.scenario} data-year={c.year}>
                <th scope="row">{c.scenario}</th>
                <td>{c.year}</td>
                <td data-col="total" data-value={c.total}>
                  {whole.format(c.total)}
                </td>
                <td data-col="difference" data-value={c.difference}>
                  {whole.format(c.difference)}
                </td>
                <td data-col="oad" data-value={c.oldAgeDependency}>
                  {Number.isFinite(c.oldAgeDependency) ? ratio.format(c.oldAgeDependency) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
