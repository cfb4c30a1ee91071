import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import { formatDate } from '../i18n/i18n.ts';
import type { CaseIndex, FormEntry } from './case-index.ts';
import { reviewSubmission } from './case-store.ts';
import type { ReviewState } from '@tern/api';
import { openRecord } from './open-form.ts';

export const canReview = (role: string) => role === 'data_officer' || role === 'admin';

/** Where a form stands in review, in words (with who, when and the comment). */
export function ReviewBadge(props: { form: FormEntry }) {
  const { t } = useTranslation('cases');
  const r = props.form.review;
  if (props.form.syncState === 'draft') return null;
  const text =
    r?.state === 'approved'
      ? t('review.approved', { name: r.by, date: formatDate(r.at, { dateStyle: 'medium' }) })
      : r?.state === 'returned'
        ? t('review.returned', {
            name: r.by,
            date: formatDate(r.at, { dateStyle: 'medium' }),
            comment: r.comment ?? '',
          })
        : t('review.waiting');
  return (
    <span className="badge" data-review={r?.state ?? 'submitted'}>
      {text}
    </span>
  );
}

/**
 * A data officer approves or returns a form with a comment; an interviewer sends a returned form back
 * for review once corrected. Each is a new revision of the record, pushed at the next sync.
 */
export function ReviewActions(props: {
  db: TernDb;
  dataKey: CryptoKey;
  index: CaseIndex;
  form: FormEntry;
  user: { username: string; role: string };
  label: string;
}) {
  const { t } = useTranslation('cases');
  const ids = useId();
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const { form, user } = props;
  if (form.syncState === 'draft') return null;

  const apply = async (state: ReviewState) => {
    if (state === 'returned' && !comment.trim()) {
      setError(t('review.commentRequired'));
      return;
    }
    setError('');
    try {
      const rec = await openRecord(props.db, props.dataKey, form.id);
      if (!rec) return;
      const { row, body } = await reviewSubmission(props.db, props.dataKey, rec, {
        state,
        by: user.username,
        ...(state === 'returned' ? { comment } : {}),
      });
      props.index.put(row, body);
      setComment('');
    } catch (e) {
      setError(t('error', { message: (e as Error).message }));
    }
  };

  const officer = canReview(user.role);
  const waiting = form.review?.state !== 'approved' && form.review?.state !== 'returned';
  return (
    <div className="review-actions" role="group" aria-label={props.label}>
      {officer && waiting && (
        <>
          <button type="button" onClick={() => void apply('approved')}>
            {t('review.approve')}
          </button>{' '}
          <label htmlFor={`${ids}-c`}>{t('review.comment')}</label>{' '}
          <input
            id={`${ids}-c`}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />{' '}
          <button type="button" onClick={() => void apply('returned')}>
            {t('review.return')}
          </button>
        </>
      )}
      {form.review?.state === 'returned' && (
        <button type="button" onClick={() => void apply('submitted')}>
          {t('review.resubmit')}
        </button>
      )}
      {error && (
        <span role="alert" className="case-error">
          {' '}
          {error}
        </span>
      )}
    </div>
  );
}
