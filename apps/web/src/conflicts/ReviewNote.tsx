import { useTranslation } from 'react-i18next';
import type { Review } from '../device/db.ts';
import { fieldLabel } from './field-labels.ts';
import './review.css';

/**
 * "Under review at headquarters: Age (years), Notes" — a record whose branches an admin must
 * reconcile. Only the disputed questions are named (labels from the record's form in the UI
 * language), never the competing values: the device holds one of them only.
 */
export function ReviewNote(props: { review: Review; form: string | null; detail?: boolean }) {
  const { t, i18n } = useTranslation('conflicts');
  const fields = [...new Set(props.review.disputed.map((p) => fieldLabel(props.form, p, i18n.language)))];
  return (
    <span className="under-review" data-review={props.review.disputed.join(' ')}>
      {fields.length ? t('underReviewFields', { fields: fields.join(', ') }) : t('underReview')}
      {props.detail && <span className="hint"> {t('stillEditable')}</span>}
    </span>
  );
}
