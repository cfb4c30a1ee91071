import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n.ts';
import { dimLabel, valueLabel } from './labels.ts';
import type { TableModel } from './table-model.ts';

/**
 * The table as published: a number where the server published the cell, "< k" with its reason where
 * it did not. Two dimensions make rows × columns; a third makes one such table per value. Each table
 * scrolls in its own box, so a phone's page never scrolls sideways.
 */
export function ResultTable(props: { model: TableModel }) {
  const { t, i18n } = useTranslation('research');
  const { model } = props;
  const [rows, cols, layers] = model.axes;
  const label = (dim: string, v: string) => valueLabel(t, i18n.language, dim, v);
  const why = t('table.suppressedWhy', { k: model.k });

  /** One number, or the suppressed mark; `cell` names the codes of a table cell (for tests, tools). */
  const Num = ({ value, cell }: { value: number | null; cell?: readonly string[] }) => {
    const at = cell ? { 'data-cell': cell.join('|') } : {};
    return value === null ? (
      <td className="suppressed" data-suppressed="" title={why} {...at}>
        <abbr title={why}>{t('table.suppressed', { k: model.k })}</abbr>
      </td>
    ) : (
      <td data-value={value} {...at}>
        {formatNumber(value)}
      </td>
    );
  };

  if (!rows) return null;
  const grid = (layer: string | null) => {
    const tail = layer === null ? [] : [layer];
    const caption =
      layer === null ? t('table.title') : `${dimLabel(t, layers!.dim)}: ${label(layers!.dim, layer)}`;
    // With three dimensions, a layer's sums are sums of its published cells (the server's rule).
    const rowTotal = (r: string) =>
      layer === null ? model.margin(rows.dim, r) : model.sum([r, null, layer]);
    const colTotal = (c: string) =>
      layer === null ? model.margin(cols!.dim, c) : model.sum([null, c, layer]);
    const total = layer === null ? model.total : model.sum([null, null, layer]);
    return (
      <div
        className="table-scroll"
        role="region"
        aria-label={caption}
        tabIndex={0}
        key={layer ?? ''}
        data-layer={layer ?? ''}
      >
        <table className="research-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                {cols ? `${dimLabel(t, rows.dim)} \\ ${dimLabel(t, cols.dim)}` : dimLabel(t, rows.dim)}
              </th>
              {cols ? (
                cols.values.map((c) => (
                  <th scope="col" key={c}>
                    {label(cols.dim, c)}
                  </th>
                ))
              ) : (
                <th scope="col">{t(model.counts === 'people' ? 'table.people' : 'table.cases')}</th>
              )}
              {cols && <th scope="col">{t('table.total')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.values.map((r) => (
              <tr key={r}>
                <th scope="row">{label(rows.dim, r)}</th>
                {cols ? (
                  <>
                    {cols.values.map((c) => (
                      <Num key={c} value={model.cell([r, c, ...tail])} cell={[r, c, ...tail]} />
                    ))}
                    <Num value={rowTotal(r)} />
                  </>
                ) : (
                  <Num value={model.cell([r])} cell={[r]} />
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('table.total')}</th>
              {cols?.values.map((c) => (
                <Num key={c} value={colTotal(c)} />
              ))}
              <Num value={total} />
            </tr>
          </tfoot>
        </table>
      </div>
    );
  };

  return (
    <section className="research-result" aria-label={t('table.title')} data-counts={model.counts}>
      <p className="table-counts">
        {t(model.counts === 'people' ? 'table.countsPeople' : 'table.countsCases')}
      </p>
      <p className="table-summary" data-published={model.published} data-hidden={model.hidden}>
        {t('table.summary', { published: model.published, hidden: model.hidden })}
      </p>
      {model.published === 0 && <p role="alert">{t('table.empty', { k: model.k })}</p>}
      {layers ? layers.values.map((l) => grid(l)) : grid(null)}
      <p className="legend">
        <span className="suppressed-sample" aria-hidden="true">
          {t('table.suppressed', { k: model.k })}
        </span>{' '}
        {why} {t('table.sums')}
      </p>
    </section>
  );
}
