// The report model as one self-contained HTML page with print styles (A4, a table of contents, sources
// as numbered footnotes, right-to-left for Arabic), so a browser's "Save as PDF" gives the printable
// profile. Every text of the document is escaped; the page loads nothing from anywhere.
import { chartSvg } from './report-chart.ts';
import type { ReportGap, ReportModel, ReportRow, ReportTable } from './report-model.ts';

const LABELS: Record<
  string,
  Record<
    | 'contents'
    | 'sources'
    | 'indicator'
    | 'source'
    | 'edition'
    | 'published'
    | 'draft'
    | 'disagree'
    | 'untranslated'
    | 'gap'
    | 'missing'
    | 'stale'
    | 'latest'
    | 'plan'
    | 'noPlan',
    string
  >
> = {
  en: {
    contents: 'Contents',
    sources: 'Sources',
    indicator: 'Indicator',
    source: 'Source',
    edition: 'Edition',
    published: 'published',
    draft: 'Draft — not published',
    disagree: 'sources disagree beyond the tolerance',
    untranslated: 'not yet translated',
    gap: 'Gap',
    missing: 'years without data',
    stale: 'latest figure too old',
    latest: 'Latest year',
    plan: 'Plan',
    noPlan: 'no plan yet',
  },
  fr: {
    contents: 'Sommaire',
    sources: 'Sources',
    indicator: 'Indicateur',
    source: 'Source',
    edition: 'Édition',
    published: 'publiée le',
    draft: 'Projet — non publié',
    disagree: 'les sources divergent au-delà de la tolérance',
    untranslated: 'pas encore traduit',
    gap: 'Lacune',
    missing: 'années sans données',
    stale: 'dernier chiffre trop ancien',
    latest: 'Dernière année',
    plan: 'Plan',
    noPlan: 'pas encore de plan',
  },
  es: {
    contents: 'Índice',
    sources: 'Fuentes',
    indicator: 'Indicador',
    source: 'Fuente',
    edition: 'Edición',
    published: 'publicada el',
    draft: 'Borrador — no publicado',
    disagree: 'las fuentes difieren más allá de la tolerancia',
    untranslated: 'aún sin traducir',
    gap: 'Laguna',
    missing: 'años sin datos',
    stale: 'última cifra demasiado antigua',
    latest: 'Último año',
    plan: 'Plan',
    noPlan: 'aún sin plan',
  },
  ar: {
    contents: 'المحتويات',
    sources: 'المصادر',
    indicator: 'المؤشر',
    source: 'المصدر',
    edition: 'الإصدار',
    published: 'نُشر في',
    draft: 'مسودة — غير منشورة',
    disagree: 'تختلف المصادر بما يتجاوز الحد المسموح',
    untranslated: 'لم يُترجم بعد',
    gap: 'الثغرة',
    missing: 'سنوات بلا بيانات',
    stale: 'آخر رقم قديم جداً',
    latest: 'آخر سنة',
    plan: 'الخطة',
    noPlan: 'لا خطة بعد',
  },
  ru: {
    contents: 'Содержание',
    sources: 'Источники',
    indicator: 'Показатель',
    source: 'Источник',
    edition: 'Выпуск',
    published: 'опубликован',
    draft: 'Проект — не опубликован',
    disagree: 'источники расходятся больше допуска',
    untranslated: 'ещё не переведено',
    gap: 'Пробел',
    missing: 'годы без данных',
    stale: 'последняя цифра устарела',
    latest: 'Последний год',
    plan: 'План',
    noPlan: 'плана пока нет',
  },
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 178mm; }
header.cover { break-after: page; padding-block-start: 60mm; }
header.cover h1 { font-size: 24pt; margin: 0 0 6mm; }
.draft { border: 2px solid #a00; color: #a00; padding: 2mm 4mm; display: inline-block; }
.draft-mark { position: fixed; inset-block-start: 0; inset-inline-end: 0; border: 2px solid #a00; color: #a00; background: #fff; padding: 1mm 3mm; font-weight: bold; }
nav.toc { break-after: page; }
nav.toc ol { padding-inline-start: 6mm; }
section { break-before: page; }
h2 { font-size: 15pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-block: 4mm; }
caption { text-align: start; font-weight: bold; margin-block-end: 2mm; }
th, td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: start; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
td.disagree { background: #fde8c8; }
tr { break-inside: avoid; }
.fallback { color: #555; }
figure.chart { margin: 2mm 0 5mm; break-inside: avoid; }
ul.legend { list-style: none; padding: 0; font-size: 8.5pt; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-inline-end: 1.5mm; }
.fallback::after { content: " (" attr(data-note) ")"; font-size: 8pt; }
footer.sources { break-before: page; font-size: 9pt; }
a { color: inherit; }
`;

function tableHtml(t: ReportTable, lang: string, l: (typeof LABELS)['en']): string {
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const cell = (r: ReportRow, i: number) => {
    const v = r.cells[i];
    const year = t.years[i]!;
    const off = r.disagreeYears.includes(year);
    const note = r.notes.find((n) => n.year === year);
    const title = [off ? l.disagree : '', note?.text ?? ''].filter(Boolean).join('; ');
    return `<td class="num${off ? ' disagree' : ''}"${title ? ` title="${escapeHtml(title)}"` : ''}>${v === null || v === undefined ? '—' : escapeHtml(fmt.format(v))}</td>`;
  };
  const head = `<tr><th scope="col">${l.indicator}</th><th scope="col">${l.source}</th>${t.years.map((y) => `<th scope="col">${y}</th>`).join('')}</tr>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.name)} <small>(${escapeHtml(r.unit)})</small></th><td>${escapeHtml(r.source)}<sup><a href="#fn-${r.footnote}">${r.footnote}</a></sup></td>${t.years.map((_, i) => cell(r, i)).join('')}</tr>`,
    )
    .join('');
  return `<table id="table-${escapeHtml(t.id)}" data-chart="${t.chart}"><caption>${escapeHtml(t.title)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function gapsHtml(gaps: ReportGap[], l: (typeof LABELS)['en']): string {
  if (!gaps.length) return '';
  const rows = gaps
    .map((g) => {
      const what = g.kind === 'missing' ? `${l.missing}: ${g.years.join(', ')}` : l.stale;
      const plans = g.plans.length
        ? g.plans
            .map(
              (p) =>
                `${escapeHtml(p.institution)}: ${escapeHtml(p.action)} (${escapeHtml(p.due)}, ${escapeHtml(p.status)})`,
            )
            .join('<br>')
        : l.noPlan;
      return `<tr><th scope="row">${escapeHtml(g.name)}</th><td>${what}</td><td class="num">${g.latestYear ?? '—'}</td><td>${plans}</td></tr>`;
    })
    .join('');
  return `<table class="gaps"><thead><tr><th scope="col">${l.indicator}</th><th scope="col">${l.gap}</th><th scope="col">${l.latest}</th><th scope="col">${l.plan}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The whole printable page. */
export function reportHtml(m: ReportModel): string {
  const l = LABELS[m.language.split('-')[0]!] ?? LABELS.en!;
  const date = m.edition.publishedAt ? m.edition.publishedAt.slice(0, 10) : '';
  const toc = m.toc.map((e) => `<li><a href="#${e.anchor}">${escapeHtml(e.title)}</a></li>`).join('');
  const sections = m.sections
    .map((s) => {
      const paragraphs = s.paragraphs
        .map((p) =>
          p.fallback
            ? `<p class="fallback" data-note="${l.untranslated}">${escapeHtml(p.text)}</p>`
            : `<p>${escapeHtml(p.text)}</p>`,
        )
        .join('');
      return `<section id="${s.anchor}"><h2>${s.number}. ${escapeHtml(s.title)}</h2>${paragraphs}${s.tables.map((t) => tableHtml(t, m.language, l) + chartSvg(t, m.language)).join('')}${s.id === 'data-gaps' ? gapsHtml(m.gaps, l) : ''}</section>`;
    })
    .join('\n');
  const notes = m.footnotes.map((f) => `<li id="fn-${f.n}">${escapeHtml(f.source)}</li>`).join('');
  return `<!doctype html>
<html lang="${escapeHtml(m.language)}" dir="${m.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${m.edition.draft ? '<meta name="robots" content="noindex, nofollow">' : ''}<title>${m.edition.draft ? `${l.draft}: ` : ''}${escapeHtml(m.title)}</title><style>${STYLE}</style></head>
<body>
${m.edition.draft ? `<p class="draft-mark" data-draft>${l.draft}</p>` : ''}
<header class="cover"><h1>${escapeHtml(m.title)}</h1><p>${escapeHtml(m.country.name)} · ${l.edition} ${m.edition.number}${date ? ` · ${l.published} ${date}` : ''}</p>${m.edition.draft ? `<p class="draft">${l.draft}</p>` : ''}</header>
<nav class="toc"><h2>${l.contents}</h2><ol>${toc}</ol></nav>
<main>
${sections}
</main>
<footer class="sources"><h2>${l.sources}</h2><ol>${notes}</ol></footer>
</body>
</html>
`;
}
