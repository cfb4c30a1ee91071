import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceForms } from '../forms-admin/device-forms.ts';
import type { Answers } from '@tern/forms';
import type { TernDb } from '../device/db.ts';
import { DeviceAttachments } from '../device/attachments.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { saveSubmission } from '../records/submissions.ts';
import { RecordChangedError } from '../device/record-changed-error.ts';
import { ReviewNote } from '../conflicts/ReviewNote.tsx';
import { holdOpenWork } from '../safety/open-work.ts';
import { sameAnswers } from '../records/answers-view.ts';
import { AnswerStore } from './answer-store.ts';
import { FormBody } from './FormBody.tsx';
import { serverFiles } from './server-files.ts';
import type { FormLayout } from './FormBody.tsx';
import './form.css';

/**
 * A saved record opened again in the renderer. Save writes a new revision of the same id on top of
 * the revision that was opened (pruned like a new record), so sync sends it as an edit and the server
 * can merge it with edits made elsewhere. A record under review at headquarters stays editable: the
 * edit extends this device's branch and the server keeps the other one (docs/decisions/051).
 *
 * Edits are not autosaved as drafts: a draft row has the record's id and would replace the record.
 */
export function EditRecordPage(props: {
  db: TernDb;
  dataKey: CryptoKey;
  record: OpenRow;
  device: string | null;
  username: string;
  /** Data officers and admins see files other devices took, read from the server. */
  readsServerFiles?: boolean;
  onDone: () => void;
}) {
  const { record } = props;
  const { t } = useTranslation('conflicts');
  const formKey = String(record.body.form);
  const form = deviceForms.get(formKey);
  const lang = localStorage.getItem('tern.formLang') ?? localStorage.getItem('tern.lang') ?? 'en';
  const layout: FormLayout = localStorage.getItem('tern.formLayout') === 'paged' ? 'paged' : 'whole';
  const [store] = useState(
    () => form && new AnswerStore(form, { answers: (record.body.answers ?? {}) as Answers, language: lang }),
  );
  const [error, setError] = useState('');
  const [attachments] = useState(() => new DeviceAttachments(props.db, record.mission, props.dataKey));
  const [fromServer] = useState(() => (props.readsServerFiles ? serverFiles(record.mission) : undefined));
  useEffect(() => () => store?.dispose(), [store]);
  // Not autosaved (see above): an app update must not reload over unsaved edits. Holding open work
  // that cannot be stored makes "Update now" stop and ask to save or close first (decision 070).
  useEffect(() => {
    if (!store) return;
    let edited = false;
    const off = store.onChange(() => {
      edited = true;
    });
    const release = holdOpenWork(async () => {
      if (edited) throw new Error('Unsaved edits of a saved record');
    }, 'edit');
    return () => {
      off();
      release();
    };
  }, [store]);

  if (!form || !store) return <p role="alert">{formKey}</p>;
  const review = record.body.review as { state?: string; by?: string; comment?: string } | undefined;
  const returned = review?.state === 'returned';

  const onSave = async (answers: Answers) => {
    if (!props.device) return;
    // A returned form is corrected, not saved again as it was: "send for review again" follows a change.
    if (returned && sameAnswers(answers, (record.body.answers ?? {}) as Answers)) {
      setError(t('nothingCorrected'));
      return;
    }
    try {
      await saveSubmission(props.db, props.dataKey, {
        mission: record.mission,
        form: formKey,
        answers,
        device: props.device,
        id: record.id,
        edit: { rev: record.rev, by: props.username },
      });
      props.onDone();
    } catch (e) {
      setError(
        e instanceof RecordChangedError
          ? t('changedMeanwhile')
          : t('saveFailed', { message: (e as Error).message }),
      );
    }
  };

  return (
    <div className="form-page edit-record" data-id={record.id} data-rev={record.rev}>
      <h2 className="edit-title">{returned ? t('correctTitle') : t('editTitle')}</h2>
      {returned && (
        <div className="returned-reason" role="note">
          <p>{t('returnedBy', { name: review.by ?? '' })}</p>
          <p>
            <bdi>{review.comment ?? ''}</bdi>
          </p>
        </div>
      )}
      {record.review && (
        <p className="review-banner">
          <ReviewNote review={record.review} form={formKey} detail />
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <FormBody
        store={store}
        lang={lang}
        layout={layout}
        onSave={onSave}
        attachments={attachments}
        serverFiles={fromServer}
        actions={
          <button type="button" onClick={props.onDone}>
            {t('cancel')}
          </button>
        }
      />
    </div>
  );
}
