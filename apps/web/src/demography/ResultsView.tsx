import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunResults } from '@tern/api';
import { download } from '../app/download.ts';
import { DemographyCharts } from './DemographyCharts.tsx';
import { ResultTables } from './ResultTables.tsx';
import { projectionCsv, projectionXlsx } from './projection-files.ts';

/** A run's results: what to look at (region, year, scenario), charts, tables and the two files. */
export function ResultsView(props: { results: RunResults; regions: string[]; name: string }) {
  const { t } = useTranslation('demography');
  const id = useId();
  const { results: r, regions } = props;
  const [region, setRegion] = useState(regions[0] ?? r.states[0]!);
  const [year, setYear] = useState(r.years.length - 1);
  const [scenario, setScenario] = useState(0);
  useEffect(() => {
    if (!regions.includes(region)) setRegion(regions[0] ?? r.states[0]!);
    if (year >= r.years.length) setYear(r.years.length - 1);
    if (scenario >= r.scenarios.length) setScenario(0);
  }, [r, regions, region, year, scenario]);
  const file = (ext: string) =>
    `${props.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'projection'}.${ext}`;
  return (
    <section className="demog-box" aria-labelledby={`${id}-h`} data-results="">
      <h2 id={`${id}-h`}>{t('results.title')}</h2>
      <div className="demog-row">
        <label>
          {t('results.region')}{' '}
          <select name="region" value={region} onChange={(e) => setRegion(e.target.value)}>
            {regions.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <label>
          {t('results.year')}{' '}
          <select name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {r.years.map((y, k) => (
              <option key={y} value={k}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('results.scenario')}{' '}
          <select name="scenario" value={scenario} onChange={(e) => setScenario(Number(e.target.value))}>
            {r.scenarios.map((s, k) => (
              <option key={s.name} value={k}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DemographyCharts results={r} regions={regions} region={region} year={year} scenario={scenario} />
      <ResultTables results={r} region={region} year={year} scenario={scenario} />
      <div className="toolbar">
        <button type="button" onClick={() => download(projectionCsv(r, regions), file('csv'))}>
          {t('results.csv')}
        </button>
        <button
          type="button"
          onClick={() => void projectionXlsx(r, regions).then((b) => download(b, file('xlsx')))}
        >
          {t('results.xlsx')}
        </button>
      </div>
    </section>
  );
}
