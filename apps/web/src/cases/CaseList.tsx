import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '@tern/cases';
import type { CaseStatus } from '@tern/cases';
import { deviceForms } from '../forms-admin/device-forms.ts';
import { formatNumber } from '../i18n/i18n.ts';
import type { CaseEntry, CaseFilter, CaseIndex } from './case-index.ts';
import { formTitle, shownState } from './case-labels.ts';

const PAGE = 50;

/** One Intl formatter per language (making one per row costs more than the whole search). */
const dayFormat = new Map<string, Intl.DateTimeFormat>();
const formatDay = (iso: string, lang: string) => {
  let f = dayFormat.get(lang);
  if (!f) dayFormat.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })));
  return f.format(new Date(iso));
};

/**
 * A row re-renders only when its case changed (a new rev or state) or the language did: while
 * someone types, most rows on screen stay the same and cost nothing.
 */
const CaseRow = memo(function CaseRow(props: {
  entry: CaseEntry;
  rev: string;
  state: string;
  lang: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('cases');
  const c = props.entry;
  return (
    <tr data-id={c.id} data-status={c.body.status} data-state={props.state}>
      <td className="case-code">
        <button type="button" className="link" onClick={() => props.onOpen(c.id)}>
          {c.body.code}
        </button>
      </td>
      <td>{c.body.pii.fullName}</td>
      <td>{t(`status.${c.body.status}`)}</td>
      <td>{[...c.forms].map((f) => formTitle(f, props.lang)).join(', ')}</td>
      <td>{c.body.assignedTo ?? ''}</td>
      <td>{formatDay(c.updatedAt, props.lang)}</td>
      <td>{t(`sync.${props.state}`)}</td>
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
  const set = (patch: Partial<CaseFilter>) => setFilter((f) => ({ ...f, ...patch }));
  // index.version changes on every save or pull: search again.
  const version = index.version;
  const result = useMemo(() => index.search(filter, PAGE), [index, filter, version]);
  const assignees = useMemo(() => index.assignees(), [index, version]);
  const lang = i18n.language;

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
        <button type="button" onClick={() => setFilter({})}>
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
              <th>{t('columns.forms')}</th>
              <th>{t('columns.assignedTo')}</th>
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
                onOpen={props.onOpen}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
