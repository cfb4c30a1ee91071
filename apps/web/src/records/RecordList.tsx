import { useEffect, useState } from 'react';
import { CASE_FORM_TITLES } from '@tern/forms';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/i18n.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { lazyScreen } from '../app/lazy-screen.tsx';
import { formTitle } from '../cases/case-labels.ts';
import { deviceForms, ensureCaseForms, useDeviceForms } from '../forms-admin/device-forms.ts';

// A record under review at headquarters is rare on an interviewer's phone: the note's code (and the
// field labels it uses) is fetched when one is shown (decision 207).
const ReviewNote = lazyScreen(() => import('../conflicts/ReviewNote.tsx').then((m) => m.ReviewNote));

/** Rows shown at first, and added by each "show more": a phone lists hundreds of records after a sync. */
export const PAGE = 50;

interface Person {
  code: string;
  name: string;
}

/** Case code and name of every case on the device, to name the people a form is about. */
function peopleOf(rows: readonly OpenRow[]): Map<string, Person> {
  const out = new Map<string, Person>();
  for (const r of rows) {
    if (r.type !== 'case') continue;
    const pii = (r.body.pii ?? {}) as { fullName?: unknown };
    out.set(r.id, { code: String(r.body.code ?? ''), name: String(pii.fullName ?? '') });
  }
  return out;
}

/**
 * The device's records as people and forms, not ids: the person's name (from the form, or from its
 * case), the case code, the form's title in the UI language, and when it was filled (not when it
 * arrived). Paged, newest first.
 */
export function RecordList(props: { rows: OpenRow[]; onOpen?: (row: OpenRow) => void }) {
  const { t, i18n } = useTranslation('records');
  const [shown, setShown] = useState(PAGE);
  useDeviceForms();
  // A case form's record on the list: its review notes name that form's questions (decision 207).
  const needsCaseForms = props.rows.some((r) => {
    const key = String(r.body.form ?? '');
    return key in CASE_FORM_TITLES && !deviceForms.has(key);
  });
  useEffect(() => {
    if (needsCaseForms) void ensureCaseForms().catch(() => undefined); // titles stay from the list
  }, [needsCaseForms]);
  if (props.rows.length === 0) return <p className="empty">{t('empty')}</p>;
  const people = peopleOf(props.rows);
  const rows = props.rows.slice(0, shown);
  const left = props.rows.length - rows.length;
  return (
    <>
      <p className="record-count" role="status">
        {t('count', { shown: rows.length, total: props.rows.length })}
      </p>
      <table className="records" aria-label={t('table')}>
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('form')}</th>
            <th>{t('filled')}</th>
            <th>{t('interviewer')}</th>
            <th>{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const answers = (r.body.answers ?? {}) as Record<string, unknown>;
            const isCase = r.type === 'case';
            const person = isCase
              ? people.get(r.id)
              : typeof r.body.caseId === 'string'
                ? people.get(r.body.caseId)
                : undefined;
            const name =
              typeof answers.full_name === 'string' && answers.full_name
                ? answers.full_name
                : person?.name || t('unnamed');
            // When a person filled it (an edit's time, else its creation), not when the row arrived.
            const filled =
              [r.body.updatedAt, r.body.createdAt].find((x): x is string => typeof x === 'string') ??
              r.createdAt;
            const by = [r.body.updatedBy, r.body.createdBy].find((x): x is string => typeof x === 'string');
            return (
              <tr
                key={r.id}
                data-id={r.id}
                data-rev={r.rev}
                data-state={r.syncState}
                data-form={typeof r.body.form === 'string' ? r.body.form : r.type}
              >
                <td>
                  {props.onOpen && r.syncState !== 'draft' && !isCase ? (
                    <button type="button" className="open-record" onClick={() => props.onOpen!(r)}>
                      {name}
                    </button>
                  ) : (
                    name
                  )}
                  {person?.code && <div className="case-code">{person.code}</div>}
                </td>
                <td>{isCase ? t('case') : formTitle(String(r.body.form ?? r.type), i18n.language)}</td>
                <td>{formatDate(filled)}</td>
                <td>
                  <bdi>{by ?? ''}</bdi>
                </td>
                <td>
                  {t(`states.${r.syncState}`)}
                  {r.rejection && (
                    <span className="rejection">
                      {' '}
                      — {r.rejection.reason} ({r.rejection.code})
                    </span>
                  )}
                  {r.review && (
                    <>
                      {' '}
                      <ReviewNote
                        fallback={<span />}
                        review={r.review}
                        form={typeof r.body.form === 'string' ? r.body.form : null}
                      />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {left > 0 && (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('more', { count: Math.min(PAGE, left), left })}
        </button>
      )}
    </>
  );
}
