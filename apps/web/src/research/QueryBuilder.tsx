import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResearchMetaResponse } from '@tern/api';
import { formatNumber } from '../i18n/i18n.ts';
import type { ResearchQuery } from './research-api.ts';
import { dimLabel, valueLabel } from './labels.ts';
import { orderValues } from './table-model.ts';

/**
 * Choose the table: up to `maxDims` dimensions (no one twice), filters with values from the meta
 * answer, and the source (the granted missions' cases or an imported CTDC dataset).
 */
export function QueryBuilder(props: {
  meta: ResearchMetaResponse;
  query: ResearchQuery;
  onChange: (q: ResearchQuery) => void;
  onBuild: () => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation('research');
  const ids = useId();
  const { meta, query, onChange } = props;
  const [adding, setAdding] = useState('');
  const names = meta.dimensions.map((d) => d.name);
  const label = (dim: string, v: string) => valueLabel(t, i18n.language, dim, v);
  const slots = Array.from({ length: meta.maxDims }, (_, i) => query.dims[i] ?? '');

  const setDim = (i: number, dim: string) => {
    const next = slots.map((d, j) => (j === i ? dim : d)).filter((d) => d !== '');
    onChange({ ...query, dims: [...new Set(next)] });
  };
  const toggle = (dim: string, value: string, on: boolean) => {
    const now = query.filters[dim] ?? [];
    const next = on ? [...now, value] : now.filter((v) => v !== value);
    onChange({ ...query, filters: { ...query.filters, [dim]: next } });
  };
  const removeFilter = (dim: string) => {
    const { [dim]: _gone, ...rest } = query.filters;
    onChange({ ...query, filters: rest });
  };
  const filtered = Object.keys(query.filters);

  return (
    <form
      className="research-builder"
      onSubmit={(e) => {
        e.preventDefault();
        props.onBuild();
      }}
    >
      <h2>{t('builder.title')}</h2>
      <label htmlFor={`${ids}-source`}>{t('builder.source')}</label>
      <select
        id={`${ids}-source`}
        name="source"
        value={query.source}
        onChange={(e) => onChange({ ...query, source: e.target.value })}
      >
        <option value="missions">
          {t('builder.missions', { missions: meta.missions.join(', ') || '—' })}
        </option>
        {meta.sources
          .filter((s) => s.id !== 'missions')
          .map((s) => (
            <option key={s.id} value={s.id}>
              {t('builder.ctdc', { label: s.label, rows: s.rows === null ? '—' : formatNumber(s.rows) })}
            </option>
          ))}
      </select>

      <label htmlFor={`${ids}-count`}>{t('builder.count')}</label>
      <select
        id={`${ids}-count`}
        name="count"
        value={query.count}
        onChange={(e) => onChange({ ...query, count: e.target.value === 'people' ? 'people' : 'cases' })}
      >
        <option value="cases">{t('builder.countCases')}</option>
        <option value="people">{t('builder.countPeople')}</option>
      </select>

      <fieldset className="dims">
        <legend>{t('builder.dims', { max: meta.maxDims })}</legend>
        {slots.map((dim, i) => (
          <span key={i} className="dim-slot">
            <label htmlFor={`${ids}-dim${i}`}>{t('builder.dimN', { n: i + 1 })}</label>
            <select
              id={`${ids}-dim${i}`}
              name={`dim${i}`}
              value={dim}
              disabled={i > 0 && !slots[i - 1]}
              onChange={(e) => setDim(i, e.target.value)}
            >
              <option value="">{t('builder.none')}</option>
              {names
                .filter((n) => n === dim || !slots.includes(n))
                .map((n) => (
                  <option key={n} value={n}>
                    {dimLabel(t, n)}
                  </option>
                ))}
            </select>
          </span>
        ))}
      </fieldset>

      <fieldset className="filters">
        <legend>{t('builder.filters')}</legend>
        {filtered.map((dim) => {
          const info = meta.dimensions.find((d) => d.name === dim);
          const values = orderValues(info?.values ?? []);
          return (
            <fieldset key={dim} className="filter" data-filter={dim}>
              <legend>{dimLabel(t, dim)}</legend>
              <div className="filter-values">
                {values.map((v) => (
                  <label key={v} className="choice">
                    <input
                      type="checkbox"
                      value={v}
                      checked={query.filters[dim]?.includes(v) ?? false}
                      onChange={(e) => toggle(dim, v, e.target.checked)}
                    />{' '}
                    {label(dim, v)}
                  </label>
                ))}
              </div>
              <button type="button" onClick={() => removeFilter(dim)}>
                {t('builder.removeFilter', { dim: dimLabel(t, dim) })}
              </button>
            </fieldset>
          );
        })}
        <label htmlFor={`${ids}-add`}>{t('builder.addFilter')}</label>
        <select
          id={`${ids}-add`}
          value={adding}
          onChange={(e) => {
            setAdding('');
            if (e.target.value) onChange({ ...query, filters: { ...query.filters, [e.target.value]: [] } });
          }}
        >
          <option value="">{t('builder.none')}</option>
          {names
            .filter((n) => !filtered.includes(n))
            .map((n) => (
              <option key={n} value={n}>
                {dimLabel(t, n)}
              </option>
            ))}
        </select>
      </fieldset>

      <button type="submit" disabled={props.busy || query.dims.length === 0}>
        {props.busy ? t('builder.building') : t('builder.build')}
      </button>
      {query.dims.length === 0 && <p className="hint">{t('builder.noDims')}</p>}
    </form>
  );
}
