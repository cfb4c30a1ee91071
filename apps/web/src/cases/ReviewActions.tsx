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
 * Whether a returned form was corrected since it was returned: saved with other answers after the
 * officer's return (an unchanged save is refused by the edit page, EditRecordPage). Only then can it
 * be sent for review again.
 */
export function corrected(body: { review?: { state?: string; at?: string }; updatedAt?: unknown }): boolean {
  const r = body.review;
  return (
    r?.state === 'returned' &&
    typeof r.at === 'string' &&
    typeof body.updatedAt === 'string' &&
    body.updatedAt > r.at
  );
}

type Step = 'idle' | 'approve' | 'return';

/**
 * On a record's page (RecordView): a data officer approves (after confirming) or returns it with a
 * reason; an interviewer sends a returned form back for review once it was corrected. Each is a new
 * revision of the record, pushed at the next sync.
 */
export function ReviewActions(props: {
  db: TernDb;
  dataKey: CryptoKey;
  index: CaseIndex;
  form: FormEntry;
  /** The record's body as opened (to tell whether a returned form was corrected). */
  body: Record<string, unknown>;
  user: { username: string; role: string };
  label: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('cases');
  const ids = useId();
  const [step, setStep] = useState<Step>('idle');
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
      setStep('idle');
      props.onDone?.();
    } catch (e) {
      setError(t('error', { message: (e as Error).message }));
    }
  };

  const officer = canReview(user.role);
  const waiting = form.review?.state !== 'approved' && form.review?.state !== 'returned';
  const returned = form.review?.state === 'returned';
  const fixed = corrected(props.body);
  return (
    <div className="review-actions" role="group" aria-label={props.label}>
      {officer && waiting && step === 'idle' && (
        <>
          <button type="button" onClick={() => setStep('approve')}>
            {t('review.approve')}
          </button>{' '}
          <button type="button" onClick={() => setStep('return')}>
            {t('review.return')}
          </button>
        </>
      )}
      {step === 'approve' && (
        <div className="confirm" role="alertdialog" aria-labelledby={`${ids}-a`}>
          <p id={`${ids}-a`}>{t('review.confirmApprove', { form: props.label })}</p>
          <button type="button" onClick={() => void apply('approved')}>
            {t('review.yesApprove')}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')}>
            {t('review.cancel')}
          </button>
        </div>
      )}
      {step === 'return' && (
        <div className="confirm">
          <div className="field">
            <label htmlFor={`${ids}-c`}>{t('review.comment')}</label>
            <textarea
              id={`${ids}-c`}
              value={comment}
              maxLength={2000}
              rows={3}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <button type="button" onClick={() => void apply('returned')}>
            {t('review.sendBack')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setStep('idle');
              setError('');
            }}
          >
            {t('review.cancel')}
          </button>
        </div>
      )}
      {returned && (
        <>
          <button
            type="button"
            disabled={!fixed}
            aria-describedby={fixed ? undefined : `${ids}-fix`}
            onClick={() => void apply('submitted')}
          >
            {t('review.resubmit')}
          </button>
          {!fixed && (
            <p id={`${ids}-fix`} className="hint">
              {t('review.correctFirst')}
            </p>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="case-error">
          {error}
        </p>
      )}
    </div>
  );
}
