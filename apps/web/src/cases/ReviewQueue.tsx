import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import { formatDate, formatNumber } from '../i18n/i18n.ts';
import type { CaseIndex, FormEntry } from './case-index.ts';
import { formTitle, shownState } from './case-labels.ts';
import { ReviewBadge } from './ReviewActions.tsx';

type User = { username: string; role: string };

function FormRows(props: {
  db: TernDb;
  dataKey: CryptoKey;
  index: CaseIndex;
  user: User;
  forms: FormEntry[];
  onOpenCase: (id: string) => void;
  onOpenRecord: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  return (
    <table className="case-forms">
      <thead>
        <tr>
          <th>{t('columns.code')}</th>
          <th>{t('columns.name')}</th>
          <th>{t('filters.form')}</th>
          <th>{t('columns.interviewer')}</th>
          <th>{t('columns.updated')}</th>
          <th>{t('columns.sync')}</th>
        </tr>
      </thead>
      <tbody>
        {props.forms.map((f) => {
          const c = f.caseId ? props.index.get(f.caseId) : undefined;
          return (
            <tr key={f.id} data-id={f.id} data-form={f.form} data-case={f.caseId}>
              <td className="case-code">
                {c && (
                  <button type="button" className="link" onClick={() => props.onOpenCase(c.id)}>
                    {c.body.code}
                  </button>
                )}
              </td>
              <td>
                <bdi>{c?.body.pii.fullName ?? ''}</bdi>
              </td>
              <td>
                <button type="button" className="link" onClick={() => props.onOpenRecord(f.id)}>
                  {formTitle(f.form, i18n.language)}
                </button>
              </td>
              <td>
                <bdi>{f.filledBy ?? c?.body.assignedTo ?? ''}</bdi>
              </td>
              <td>{formatDate(f.filledAt, { dateStyle: 'medium' })}</td>
              <td>
                {t(`sync.${shownState(f)}`)}
                <ReviewBadge form={f} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The data officer's queue: saved forms of cases that nobody approved or returned yet. */
export function ReviewQueue(props: {
  db: TernDb;
  dataKey: CryptoKey;
  index: CaseIndex;
  user: User;
  onOpenCase: (id: string) => void;
  onOpenRecord: (id: string) => void;
}) {
  const { t } = useTranslation('cases');
  const forms = props.index.reviewQueue();
  return (
    <section className="review-queue" aria-labelledby="review-h">
      <h2 id="review-h">{t('review.queueCount', { count: formatNumber(forms.length) })}</h2>
      <p>{t('review.syncHint')}</p>
      {forms.length === 0 ? <p>{t('review.empty')}</p> : <FormRows {...props} forms={forms} />}
    </section>
  );
}

/** Forms a data officer returned to this interviewer, with the comment, until sent back for review. */
export function ReturnedForms(props: {
  db: TernDb;
  dataKey: CryptoKey;
  index: CaseIndex;
  user: User;
  onOpenCase: (id: string) => void;
  onOpenRecord: (id: string) => void;
}) {
  const { t } = useTranslation('cases');
  const forms = props.index.returned(props.user.username);
  if (forms.length === 0) return null;
  return (
    <section className="returned-forms" aria-labelledby="returned-h">
      <h2 id="returned-h">{t('review.returnedHeading')}</h2>
      <FormRows {...props} forms={forms} />
    </section>
  );
}
