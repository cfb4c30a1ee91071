import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '@tern/cases';
import type { CaseStatus } from '@tern/cases';
import { deviceForms } from '../forms-admin/device-forms.ts';
import { formatNumber } from '../i18n/i18n.ts';
import type { CaseEntry, CaseFilter, CaseIndex } from './case-index.ts';
import { formTitle, shownState } from './case-labels.ts';

/**
 * Rows shown at first and added by "Show more". 20 fill a phone's screen twice; a first letter typed
 * matches most of 5,000 cases and replaces every row on screen, so fewer rows is what keeps a slow
 * phone's keystroke under 50 ms (docs/benchmarks.md).
 */
export const PAGE = 20;

/** One Intl formatter per language (making one per row costs more than the whole search). */
const dayFormat = new Map<string, Intl.DateTimeFormat>();
const formatDay = (iso: string, lang: string) => {
  let f = dayFormat.get(lang);
  if (!f) dayFormat.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })));
  return f.format(new Date(iso));
};

/** Words every row uses, translated once per render of the list, not once per row. */
type RowWords = (key: string) => string;

/**
 * A row re-renders only when its case changed (a new rev or state) or the language did: while
 * someone types, most rows on screen stay the same and cost nothing.
 */
const CaseRow = memo(function CaseRow(props: {
  entry: CaseEntry;
  rev: string;
  state: string;
  lang: string;
  words: RowWords;
  onOpen: (id: string) => void;
}) {
  const c = props.entry;
  const w = props.words;
  return (
    <tr data-id={c.id} data-status={c.body.status} data-state={props.state}>
      <td className="case-code">
        <button type="button" className="link" onClick={() => props.onOpen(c.id)}>
          {c.body.code}
        </button>
      </td>
      <td>
        <bdi>{c.body.pii.fullName}</bdi>
      </td>
      <td>{w(`status.${c.body.status}`)}</td>
      <td>
        <bdi>{c.body.assignedTo ?? ''}</bdi>
      </td>
      <td>
        <time dateTime={c.lastChange}>{formatDay(c.lastChange, props.lang)}</time>
      </td>
      <td>{w(`sync.${props.state}`)}</td>
    </tr>
  );
});

/**
 * Search and filter the mission's cases. Everything runs over the in-memory index (case-index.ts):
 * one pass over at most a few thousand entries per keystroke, and one page of rows rendered.
 */
export function CaseList(props: { index: CaseIndex; onOpen: (id: string) => void }) {
  const { index } = props;
  const { t, i18n } = useTranslation('cases');
  const ids = useId();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [pages, setPages] = useState(1);
  const set = (patch: Partial<CaseFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages(1);
  };
  // index.version changes on every save or pull: search again.
  const version = index.version;
  const result = useMemo(() => index.search(filter, PAGE * pages), [index, filter, version, pages]);
  const assignees = useMemo(() => index.assignees(), [index, version]);
  const lang = i18n.language;
  // One stable function per language: memoised rows keep their output while the text changes.
  const words = useMemo<RowWords>(() => {
    const cache = new Map<string, string>();
    return (key) => {
      let s = cache.get(key);
      if (s === undefined) cache.set(key, (s = t(key)));
      return s;
    };
  }, [t, lang]);
  const left = result.total - result.rows.length;

  return (
    <div className="case-list">
      <div className="case-filters" role="search">
        <div className="field">
          <label htmlFor={`${ids}-q`}>{t('search')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            value={filter.text ?? ''}
            autoComplete="off"
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-status`}>{t('filters.status')}</label>
          <select
            id={`${ids}-status`}
            value={filter.status ?? ''}
            onChange={(e) => set({ status: e.target.value as CaseStatus | '' })}
          >
            <option value="">{t('filters.any')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-form`}>{t('filters.form')}</label>
          <select
            id={`${ids}-form`}
            value={filter.form ?? ''}
            onChange={(e) => set({ form: e.target.value })}
          >
            <option value="">{t('filters.any')}</option>
            {[...deviceForms.keys()].map((k) => (
              <option key={k} value={k}>
                {formTitle(k, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-assignedTo`}>{t('filters.assignedTo')}</label>
          <select
            id={`${ids}-assignedTo`}
            value={filter.assignedTo ?? ''}
            onChange={(e) => set({ assignedTo: e.target.value })}
          >
            <option value="">{t('filters.any')}</option>
            {assignees.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-from`}>{t('filters.from')}</label>
          <input
            id={`${ids}-from`}
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('filters.to')}</label>
          <input
            id={`${ids}-to`}
            type="date"
            value={filter.to ?? ''}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
        <button
          type="button"
          onClick={() => {
            setFilter({});
            setPages(1);
          }}
        >
          {t('filters.clear')}
        </button>
      </div>
      <p role="status" className="case-count" data-total={result.total} data-query={filter.text ?? ''}>
        {t('count', { shown: formatNumber(result.rows.length), total: formatNumber(result.total) })}
      </p>
      {result.total === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <table className="cases" aria-label={t('heading')} data-query={filter.text ?? ''}>
          <thead>
            <tr>
              <th>{t('columns.code')}</th>
              <th>{t('columns.name')}</th>
              <th>{t('columns.status')}</th>
              <th>{t('columns.interviewer')}</th>
              <th>{t('columns.updated')}</th>
              <th>{t('columns.sync')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((c) => (
              <CaseRow
                key={c.id}
                entry={c}
                rev={c.rev}
                state={shownState(c)}
                lang={lang}
                words={words}
                onOpen={props.onOpen}
              />
            ))}
          </tbody>
        </table>
      )}
      {left > 0 && (
        <button type="button" className="show-more" onClick={() => setPages((n) => n + 1)}>
          {t('more', { count: formatNumber(Math.min(PAGE, left)), left: formatNumber(left) })}
        </button>
      )}
    </div>
  );
}
