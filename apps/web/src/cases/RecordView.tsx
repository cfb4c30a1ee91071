import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { formatDate } from '../i18n/i18n.ts';
import { answerChanges, answerLines } from '../records/answers-view.ts';
import type { CaseIndex } from './case-index.ts';
import { formTitle, shownState } from './case-labels.ts';
import { openRecord } from './open-form.ts';
import { rememberReviewed, reviewedVersion } from './review-baseline.ts';
import { reviewBaseline } from './review-history.ts';
import type { ReviewBaseline } from './review-history.ts';
import { ReviewActions, ReviewBadge, canReview } from './ReviewActions.tsx';

type User = { username: string; role: string };

/**
 * One saved form, read: whose it is (case code and name), its answers labelled in the UI language,
 * and for a reviewer the differences from the version they last reviewed, with approve (confirmed)
 * and return (with a reason). A returned form shows the reason and opens for correction.
 */
export function RecordView(props: {
  db: TernDb;
  dataKey: CryptoKey;
  index: CaseIndex;
  user: User;
  formId: string;
  onBack: () => void;
  onEdit: (row: OpenRow) => void;
  onOpenCase: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const entry = props.index.form(props.formId);
  const [rec, setRec] = useState<OpenRow | null | 'missing'>(null);
  const [baseline, setBaseline] = useState<ReviewBaseline | null>(null);
  const rev = entry?.rev;
  const reviewer = canReview(props.user.role);
  const waitingNow = entry?.review?.state !== 'approved' && entry?.review?.state !== 'returned';
  useEffect(() => {
    let live = true;
    setBaseline(null);
    void Promise.all([
      openRecord(props.db, props.dataKey, props.formId),
      reviewedVersion(props.db, props.dataKey, props.formId),
    ]).then(async ([r, b]) => {
      if (!live) return;
      setRec(r ?? 'missing');
      if (!r || !reviewer || !waitingNow) return;
      // Reviewed on another device: the record's history on the server holds it (decision 208).
      const found = await reviewBaseline(b, r);
      if (!live) return;
      setBaseline(found);
      if (found.from === 'server')
        await rememberReviewed(props.db, props.dataKey, props.formId, found.version).catch(() => undefined);
    });
    return () => {
      live = false;
    };
  }, [props.db, props.dataKey, props.formId, rev, reviewer, waitingNow]);

  const back = (
    <button type="button" onClick={props.onBack}>
      {t('record.back')}
    </button>
  );
  if (rec === 'missing' || (rec && !entry))
    return (
      <div className="record-view">
        {back}
        <p role="alert">{t('record.gone')}</p>
      </div>
    );
  if (!rec || !entry) return <p role="status">{t('loading')}</p>;

  const lang = i18n.language;
  const c = entry.caseId ? props.index.get(entry.caseId) : undefined;
  const title = formTitle(entry.form, lang);
  const answers = (rec.body.answers ?? {}) as Record<string, unknown>;
  const review = entry.review;
  const waiting = review?.state !== 'approved' && review?.state !== 'returned';
  const judged =
    baseline && (baseline.from === 'device' || baseline.from === 'server') ? baseline.version : null;
  const changes = judged && waiting ? answerChanges(entry.form, judged.answers, answers, lang) : null;
  return (
    <div className="record-view" data-id={entry.id} data-form={entry.form} data-state={shownState(entry)}>
      {back}
      <h2>
        <bdi>{title}</bdi>
        {c && (
          <>
            {' — '}
            <button type="button" className="link case-code" onClick={() => props.onOpenCase(c.id)}>
              {c.body.code}
            </button>{' '}
            <bdi>{c.body.pii.fullName}</bdi>
          </>
        )}
      </h2>
      <p>
        {t('record.filled', { date: formatDate(entry.filledAt), name: entry.filledBy ?? '—' })}{' '}
        <span className="badge">{t(`sync.${shownState(entry)}`)}</span> <ReviewBadge form={entry} />
      </p>
      {review?.state === 'returned' && (
        <div className="returned-reason" role="note">
          <h3>{t('record.returnedHeading')}</h3>
          <p>
            <bdi>{review.comment ?? ''}</bdi>
          </p>
          <button type="button" onClick={() => props.onEdit(rec)}>
            {t('record.correct')}
          </button>
        </div>
      )}
      {reviewer && waiting && baseline?.from === 'offline' && (
        <p className="record-changes" role="note" data-baseline="offline">
          {t('record.baselineOffline')}
        </p>
      )}
      {reviewer && waiting && baseline?.from === 'failed' && (
        <p className="record-changes" role="note" data-baseline="failed">
          {t('record.baselineFailed', { reason: baseline.error.message })}
        </p>
      )}
      {reviewer && changes && (
        <section className="record-changes" aria-labelledby="changes-h" data-baseline={baseline?.from}>
          <h3 id="changes-h">
            {t('record.changesHeading', { date: formatDate(judged!.at, { dateStyle: 'medium' }) })}
          </h3>
          {baseline?.from === 'server' && <p>{t('record.baselineFromServer')}</p>}
          {changes.length === 0 ? (
            <p>{t('record.noChanges')}</p>
          ) : (
            <table className="changes">
              <thead>
                <tr>
                  <th>{t('record.question')}</th>
                  <th>{t('record.before')}</th>
                  <th>{t('record.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((ch) => (
                  <tr key={ch.name} data-name={ch.name}>
                    <td>
                      <bdi>{ch.label}</bdi>
                    </td>
                    <td>
                      <del>
                        <bdi>{ch.before || '—'}</bdi>
                      </del>
                    </td>
                    <td>
                      <ins>
                        <bdi>{ch.after || '—'}</bdi>
                      </ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <section aria-labelledby="answers-h">
        <h3 id="answers-h">{t('record.answers')}</h3>
        <dl className="answers">
          {answerLines(entry.form, answers, lang).map((l) => (
            <div key={l.name} data-name={l.name}>
              <dt>
                <bdi>{l.label}</bdi>
              </dt>
              <dd>
                <bdi>{l.text}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <ReviewActions
        db={props.db}
        dataKey={props.dataKey}
        index={props.index}
        form={entry}
        body={rec.body}
        user={props.user}
        label={title}
      />
    </div>
  );
}
