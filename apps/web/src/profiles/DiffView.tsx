import { useTranslation } from 'react-i18next';
import { diffEditions, sectionTitle } from '@tern/profiles';
import type { SectionId } from '@tern/profiles';
import { formatNumber } from '../i18n/i18n.ts';
import type { LocalEdition } from './profile-store.ts';
import { indicatorName } from './indicator-name.ts';

/**
 * What changed between two editions, computed on the device with the core's diff (the same as the
 * server's `GET /api/profiles/:country/diff`), so it reads offline too: text word by word, tables,
 * figures before and after.
 */
export function DiffView(props: {
  editions: LocalEdition[];
  from: number;
  to: number;
  onChange: (d: { from: number; to: number }) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('profiles');
  const a = props.editions.find((e) => e.doc.edition.number === props.from);
  const b = props.editions.find((e) => e.doc.edition.number === props.to);
  const d = a && b ? diffEditions(a.doc, b.doc) : null;
  const pick = (which: 'from' | 'to') => (
    <select
      value={props[which]}
      onChange={(e) => props.onChange({ from: props.from, to: props.to, [which]: Number(e.target.value) })}
    >
      {props.editions.map((e) => (
        <option key={e.id} value={e.doc.edition.number}>
          {e.doc.edition.number}
        </option>
      ))}
    </select>
  );
  // A table by its title in the later edition (or the earlier one, when removed), else its id.
  const tableTitle = (section: SectionId, id: string) => {
    for (const e of [b, a]) {
      const tb = e?.doc.sections[section].tables.find((x) => x._id === id);
      if (tb) return Object.values(tb.title)[0] ?? id;
    }
    return id;
  };
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n));
  const empty = d && !d.title.length && !d.text.length && !d.tables.length && !d.figures.length;
  return (
    <section className="profile-diff" aria-labelledby="profile-diff-title">
      <h4 id="profile-diff-title">{t('diff.title', { from: props.from, to: props.to })}</h4>
      <div role="group" aria-label={t('diff.choose')}>
        <label>
          {t('diff.from')} {pick('from')}
        </label>{' '}
        <label>
          {t('diff.to')} {pick('to')}
        </label>{' '}
        <button type="button" onClick={props.onClose}>
          {t('diff.close')}
        </button>
      </div>
      {empty && <p>{t('diff.none')}</p>}
      {d && (
        <ul>
          {[...d.title, ...d.text].map((c, i) => (
            <li key={`t${i}`} data-diff="text">
              {t('diff.text', {
                section: i < d.title.length ? t('diff.titleField') : sectionTitle(c.section, i18n.language),
                paragraph: c.paragraph,
                lang: c.language,
                change: t(`diff.change.${c.change}`),
              })}{' '}
              <span lang={c.language}>
                {c.parts.map((p, k) =>
                  p.op === 'added' ? (
                    <ins key={k}>{p.text}</ins>
                  ) : p.op === 'removed' ? (
                    <del key={k}>{p.text}</del>
                  ) : (
                    <span key={k}>{p.text}</span>
                  ),
                )}
              </span>
            </li>
          ))}
          {d.tables.map((c, i) => (
            <li key={`b${i}`} data-diff="table">
              {t('diff.table', {
                section: sectionTitle(c.section, i18n.language),
                table: tableTitle(c.section, c.table),
                change: t(`diff.change.${c.change}`),
                fields: c.fields.join(', '),
              })}
            </li>
          ))}
          {d.figures.map((c, i) => (
            <li key={`f${i}`} data-diff="figure">
              {t('diff.figure', {
                indicator: indicatorName(c.indicator),
                year: c.year,
                source: c.source,
                change: t(`diff.change.${c.change}`),
                before: num(c.before),
                after: num(c.after),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
