import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import type { CaseIndex, FormEntry } from './case-index.ts';
import { deleteSubmission } from './case-store.ts';
import { openRecord } from './open-form.ts';
import { canReview } from './ReviewActions.tsx';

/**
 * A data officer (or an admin) deletes a form with a reason, after a second press: the form leaves
 * every device at its next sync; headquarters keeps its history and who deleted it, when and why.
 */
export function DeleteForm(props: {
  db: TernDb;
  dataKey: CryptoKey;
  index: CaseIndex;
  form: FormEntry;
  user: { username: string; role: string };
}) {
  const { t } = useTranslation('cases');
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  if (!canReview(props.user.role) || props.form.syncState === 'draft') return null;

  const remove = async () => {
    if (!reason.trim()) {
      setError(t('delete.reasonRequired'));
      return;
    }
    try {
      const rec = await openRecord(props.db, props.dataKey, props.form.id);
      if (!rec) return;
      const { row, body } = await deleteSubmission(props.db, props.dataKey, rec, {
        by: props.user.username,
        reason,
      });
      props.index.put(row, body);
    } catch (e) {
      setError(t('error', { message: (e as Error).message }));
    }
  };

  if (!open)
    return (
      <button type="button" className="delete-form" onClick={() => setOpen(true)}>
        {t('delete.open')}
      </button>
    );
  return (
    <div className="delete-form" role="group" aria-label={t('delete.open')}>
      <p>{t('delete.hint')}</p>
      <label htmlFor={`${ids}-r`}>{t('delete.reason')}</label>{' '}
      <input id={`${ids}-r`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />{' '}
      <button type="button" className="danger" onClick={() => void remove()}>
        {t('delete.confirm')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('delete.cancel')}
      </button>
      {error && (
        <span role="alert" className="case-error">
          {' '}
          {error}
        </span>
      )}
    </div>
  );
}
