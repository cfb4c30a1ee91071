import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import { FormPage } from '../form/FormPage.tsx';
import { EditRecordPage } from '../form/EditRecordPage.tsx';
import type { OpenRow } from '../device/doc-repository.ts';
import type { FormEntry } from './case-index.ts';
import { openRecord as openRecordRow } from './open-form.ts';
import { RecordView } from './RecordView.tsx';
import { localToday, screeningPrefill } from './screening-prefill.ts';
import { SyncPanel } from '../sync/SyncPanel.tsx';
import { formatNumber } from '../i18n/i18n.ts';
import { CaseList } from './CaseList.tsx';
import { CasePage } from './CasePage.tsx';
import { NewCase } from './NewCase.tsx';
import { ReturnedForms, ReviewQueue } from './ReviewQueue.tsx';
import { canReview } from './ReviewActions.tsx';
import { useCaseIndex } from './use-case-index.ts';
import './cases.css';

type View =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'case'; id: string }
  | { name: 'form'; caseId: string; formKey: string; answers?: Record<string, unknown>; draftId?: string }
  | { name: 'review' }
  /** A saved form read (answers, review), opened from `back`: the case, the review queue or the list. */
  | { name: 'record'; id: string; back: Back }
  /** A returned (or any saved) form opened for correction; back to its read view when saved. */
  | { name: 'edit'; row: OpenRow; back: Back };
type Back = { name: 'list' } | { name: 'case'; id: string } | { name: 'review' };

/** The cases screens: list and search, a new case, one case, a form for a case, the review queue. */
export function CasesHome(props: {
  db: TernDb;
  dataKey: CryptoKey;
  mission: string;
  device: string | null;
  user: { username: string; role: string };
}) {
  const { db, dataKey, mission, device, user } = props;
  const { t } = useTranslation('cases');
  const { index, ready } = useCaseIndex(db, dataKey, mission);
  const [view, setView] = useState<View>({ name: 'list' });
  const openCase = (id: string) => setView({ name: 'case', id });
  const here: Back = view.name === 'case' || view.name === 'review' ? view : { name: 'list' };
  const openRecord = (id: string) => setView({ name: 'record', id, back: here });
  const resumeDraft = async (f: FormEntry) => {
    const draft = await openRecordRow(db, dataKey, f.id);
    if (!draft || !f.caseId) return;
    setView({
      name: 'form',
      caseId: f.caseId,
      formKey: f.form,
      answers: (draft.body.answers ?? {}) as Record<string, unknown>,
      draftId: f.id,
    });
  };

  if (view.name === 'edit')
    return (
      <EditRecordPage
        key={`${view.row.id} ${view.row.rev}`}
        db={db}
        dataKey={dataKey}
        record={view.row}
        device={device}
        username={user.username}
        readsServerFiles={canReview(user.role)}
        onDone={() => {
          void index.refresh();
          setView({ name: 'record', id: view.row.id, back: view.back });
        }}
      />
    );

  if (view.name === 'form')
    return (
      <FormPage
        db={db}
        dataKey={dataKey}
        mission={mission}
        device={device}
        username={user.username}
        forCase={{
          caseId: view.caseId,
          formKey: view.formKey,
          ...(view.answers ? { answers: view.answers } : {}),
          ...(view.draftId ? { draftId: view.draftId } : {}),
          onSaved: () => index.refresh(),
        }}
        onDone={() => {
          void index.refresh();
          openCase(view.caseId);
        }}
      />
    );

  return (
    <div className="cases-home">
      <nav className="cases-nav" aria-label={t('heading')}>
        <button type="button" onClick={() => setView({ name: 'list' })} aria-pressed={view.name === 'list'}>
          {t('heading')}
        </button>
        <button type="button" onClick={() => setView({ name: 'new' })} disabled={!device}>
          {t('newCase')}
        </button>
        {canReview(user.role) && (
          <button
            type="button"
            onClick={() => setView({ name: 'review' })}
            aria-pressed={view.name === 'review'}
          >
            {t('review.queueCount', { count: formatNumber(ready ? index.reviewQueue().length : 0) })}
          </button>
        )}
        {device && (
          <SyncPanel
            db={db}
            mission={mission}
            dataKey={dataKey}
            device={device}
            account={user.username}
            onDone={() => void index.refresh()}
          />
        )}
      </nav>
      {!ready ? (
        <p role="status">{t('loading')}</p>
      ) : view.name === 'new' && device ? (
        <NewCase
          db={db}
          dataKey={dataKey}
          mission={mission}
          device={device}
          user={user.username}
          index={index}
          onCancel={() => setView({ name: 'list' })}
          onCreated={(c) =>
            setView({
              name: 'form',
              caseId: c.id,
              formKey: 'screening@1',
              answers: screeningPrefill(c.body.pii, localToday()),
            })
          }
        />
      ) : view.name === 'case' ? (
        <CasePage
          db={db}
          dataKey={dataKey}
          user={user}
          index={index}
          caseId={view.id}
          onBack={() => setView({ name: 'list' })}
          onAddForm={(formKey) => setView({ name: 'form', caseId: view.id, formKey })}
          onOpenRecord={openRecord}
          onResumeDraft={(f) => void resumeDraft(f)}
        />
      ) : view.name === 'record' ? (
        <RecordView
          db={db}
          dataKey={dataKey}
          index={index}
          user={user}
          formId={view.id}
          onBack={() => setView(view.back)}
          onEdit={(row) => setView({ name: 'edit', row, back: view.back })}
          onOpenCase={openCase}
        />
      ) : view.name === 'review' ? (
        <ReviewQueue
          db={db}
          dataKey={dataKey}
          index={index}
          user={user}
          onOpenCase={openCase}
          onOpenRecord={openRecord}
        />
      ) : (
        <>
          <ReturnedForms
            db={db}
            dataKey={dataKey}
            index={index}
            user={user}
            onOpenCase={openCase}
            onOpenRecord={openRecord}
          />
          <CaseList index={index} onOpen={openCase} />
        </>
      )}
    </div>
  );
}
