// A table's chart as inline SVG (no script, no library, nothing fetched): a line per source or grouped
// bars per year, on one scale from zero, with a legend. Time runs left to right in every language.
import type { ReportTable } from './report-model.ts';

const PALETTE = ['#1b6ca8', '#d1495b', '#2e8b57', '#edae49', '#6a4c93', '#00798c', '#8d6a9f', '#4f5d75'];
const W = 640;
const H = 220;
const M = { left: 64, right: 12, top: 12, bottom: 28 };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One chart per unit of the table's rows (persons and USD on one scale would flatten one of them). */
export function chartSvg(t: ReportTable, lang: string): string {
  if (t.chart === 'none' || t.years.length === 0 || t.rows.length === 0) return '';
  const units = [...new Set(t.rows.map((r) => r.unit))];
  return units.map((u) => oneChart({ ...t, rows: t.rows.filter((r) => r.unit === u) }, lang)).join('');
}

function oneChart(t: ReportTable, lang: string): string {
  const all = t.rows.flatMap((r) => r.cells.filter((c): c is number => c !== null));
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const span = hi - lo || 1;
  const n = t.years.length;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const y = (v: number) => M.top + plotH * (1 - (v - lo) / span);
  // Lines place years by their value (2015, 2019, 2020 are not evenly spaced); bars are per year shown.
  const first = t.years[0]!;
  const last = t.years.at(-1)!;
  const x = (i: number) =>
    M.left + (last === first ? plotW / 2 : (plotW * (t.years[i]! - first)) / (last - first));
  const fmt = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
  const every = Math.max(1, Math.ceil(n / 10));
  const axis = [
    `<line x1="${M.left}" y1="${y(0)}" x2="${W - M.right}" y2="${y(0)}" stroke="#666"/>`,
    `<text x="${M.left - 6}" y="${y(hi) + 4}" text-anchor="end" font-size="10">${esc(fmt.format(hi))}</text>`,
    `<text x="${M.left - 6}" y="${y(lo) + 4}" text-anchor="end" font-size="10">${esc(fmt.format(lo))}</text>`,
    ...t.years.map((yr, i) =>
      i % every === 0
        ? `<text x="${t.chart === 'bar' ? barX(i, 0, 1) + barWidth(1) / 2 : x(i)}" y="${H - 8}" text-anchor="middle" font-size="10">${yr}</text>`
        : '',
    ),
  ];
  function barWidth(series: number) {
    return ((plotW / n) * 0.8) / series;
  }
  function barX(i: number, s: number, series: number) {
    return M.left + (plotW / n) * i + (plotW / n) * 0.1 + barWidth(series) * s;
  }
  const marks = t.rows.flatMap((r, s) => {
    const colour = PALETTE[s % PALETTE.length]!;
    if (t.chart === 'bar')
      return r.cells.map((v, i) => {
        if (v === null) return '';
        const top = Math.min(y(v), y(0));
        return `<rect x="${barX(i, s, t.rows.length).toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth(t.rows.length).toFixed(1)}" height="${Math.abs(y(v) - y(0)).toFixed(1)}" fill="${colour}"/>`;
      });
    // Lines break where a source has no value, so a gap is seen as a gap.
    const runs: string[][] = [[]];
    r.cells.forEach((v, i) => {
      if (v === null) runs.push([]);
      else runs.at(-1)!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    return [
      ...runs
        .filter((p) => p.length > 1)
        .map((p) => `<polyline points="${p.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`),
      ...r.cells.map((v, i) =>
        v === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colour}"/>`,
      ),
    ];
  });
  const legend = t.rows
    .map(
      (r, s) =>
        `<li><span class="swatch" style="background:${PALETTE[s % PALETTE.length]}"></span>${esc(r.name)} — ${esc(r.source)}</li>`,
    )
    .join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(t.title)}" style="direction:ltr">${[...axis, ...marks].join('')}</svg><figcaption><ul class="legend">${legend}</ul></figcaption></figure>`;
}
