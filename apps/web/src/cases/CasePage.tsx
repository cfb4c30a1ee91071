import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedNext, statusBeforeClose } from '@tern/cases';
import type { CaseStatus } from '@tern/cases';
import { offeredForms } from '../forms-admin/device-forms.ts';
import type { TernDb } from '../device/db.ts';
import { formatDate } from '../i18n/i18n.ts';
import type { CaseEntry, CaseIndex, FormEntry } from './case-index.ts';
import { formTitle, shownState } from './case-labels.ts';
import { moveCase, recordDecision } from './case-store.ts';
import type { Decision, OpenCase } from './case-store.ts';
import { openRecord } from './open-form.ts';
import { AssignCase, mayAssign } from './AssignCase.tsx';
import { DeleteForm } from './DeleteForm.tsx';
import { ReviewBadge } from './ReviewActions.tsx';
import { LinkedCases } from '../matching/LinkedCases.tsx';

type User = { username: string; role: string };

const asOpen = (c: CaseEntry): OpenCase => ({
  id: c.id,
  rev: c.rev,
  syncState: c.syncState,
  updatedAt: c.updatedAt,
  body: c.body,
});

/** One case: who the person is, the decision, the status with its history, and every form over time. */
export function CasePage(props: {
  db: TernDb;
  dataKey: CryptoKey;
  user: User;
  index: CaseIndex;
  caseId: string;
  onBack: () => void;
  onAddForm: (formKey: string) => void;
  /** Open a saved form (its read view) or resume a draft in the form. */
  onOpenRecord: (id: string) => void;
  onResumeDraft: (form: FormEntry) => void;
}) {
  const { t } = useTranslation('cases');
  const c = props.index.get(props.caseId);
  if (!c)
    return (
      <p>
        {t('loading')}{' '}
        <button type="button" onClick={props.onBack}>
          {t('page.back')}
        </button>
      </p>
    );
  const forms = props.index.formsOf(c.id);
  return (
    <div className="case-page" data-case={c.id} data-status={c.body.status}>
      <button type="button" onClick={props.onBack}>
        {t('page.back')}
      </button>
      <section aria-labelledby="case-h">
        <h2 id="case-h">
          <span className="case-code">{t('page.code', { code: c.body.code })}</span> — {c.body.pii.fullName}
          <span className="badge" data-status={c.body.status}>
            {t(`status.${c.body.status}`)}
          </span>
        </h2>
        <p>
          {t('page.opened', {
            date: formatDate(c.body.createdAt, { dateStyle: 'long' }),
            name: c.body.createdBy,
          })}
          {c.body.assignedTo ? ` · ${t('page.assigned', { name: c.body.assignedTo })}` : ''} ·{' '}
          <span className="case-sync" data-state={shownState(c)}>
            {t('page.record', { state: t(`sync.${shownState(c)}`) })}
          </span>
        </p>
      </section>
      <LinkedCases mission={c.body.mission} caseId={c.id} />
      {mayAssign(props.user.role) && <AssignCase {...props} entry={c} />}
      <DecisionPanel {...props} entry={c} />
      <StatusPanel {...props} entry={c} />
      <AddForm hasScreening={forms.some((f) => f.form.startsWith('screening@'))} onAdd={props.onAddForm} />
      <Timeline {...props} entry={c} forms={forms} />
    </div>
  );
}

function DecisionPanel(props: {
  db: TernDb;
  dataKey: CryptoKey;
  user: User;
  index: CaseIndex;
  entry: CaseEntry;
}) {
  const { t } = useTranslation('cases');
  const ids = useId();
  const [error, setError] = useState('');
  const c = props.entry.body;
  const decidable: CaseStatus[] = ['screening', 'eligible', 'not_eligible'];
  const current = c.decision;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const trafficking = String(data.get('trafficking') ?? '');
    const eligible = data.get('eligible') === 'yes';
    const reason = String(data.get('reason') ?? '').trim();
    if (!trafficking) return setError(t('decision.choose'));
    if (!eligible && !reason) return setError(t('decision.reasonRequired'));
    setError('');
    try {
      const { row, open } = await recordDecision(
        props.db,
        props.dataKey,
        asOpen(props.entry),
        { trafficking: trafficking as Decision['trafficking'], eligible, ...(reason ? { reason } : {}) },
        { by: props.user.username },
      );
      props.index.put(row, open.body);
    } catch (err) {
      setError(t('error', { message: (err as Error).message }));
    }
  };

  return (
    <section aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{t('decision.heading')}</h3>
      {current && (
        <p className="decision" data-eligible={String(current.eligible)}>
          {t('decision.current', {
            trafficking: t(`trafficking.${current.trafficking}`),
            eligibility: current.eligible ? t('decision.isEligible') : t('decision.notEligible'),
          })}
          {current.reason ? ` — ${current.reason}` : ''}
        </p>
      )}
      {decidable.includes(c.status) && (
        <form onSubmit={(e) => void submit(e)} key={props.entry.rev} noValidate>
          <div className="field">
            <label htmlFor={`${ids}-t`}>{t('decision.trafficking')}</label>
            <select id={`${ids}-t`} name="trafficking" defaultValue={current?.trafficking ?? ''}>
              <option value="" />
              {(['possible', 'actual', 'not_victim'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`trafficking.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('decision.eligible')}</legend>
            <label>
              <input type="radio" name="eligible" value="yes" defaultChecked={current?.eligible !== false} />
              {t('decision.yes')}
            </label>
            <label>
              <input type="radio" name="eligible" value="no" defaultChecked={current?.eligible === false} />
              {t('decision.no')}
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor={`${ids}-reason`}>{t('decision.reason')}</label>
            <input id={`${ids}-reason`} name="reason" maxLength={2000} defaultValue={current?.reason ?? ''} />
          </div>
          <button type="submit">{t('decision.record')}</button>
        </form>
      )}
      {error && (
        <p role="alert" className="case-error">
          {error}
        </p>
      )}
    </section>
  );
}

function StatusPanel(props: {
  db: TernDb;
  dataKey: CryptoKey;
  user: User;
  index: CaseIndex;
  entry: CaseEntry;
}) {
  const { t } = useTranslation('cases');
  const ids = useId();
  const [error, setError] = useState('');
  const c = props.entry.body;
  // A closed case reopens only to where it was; eligibility is set by the decision above.
  const options = (
    c.status === 'closed'
      ? [statusBeforeClose(c)].filter((s): s is CaseStatus => s !== null)
      : allowedNext(c.status).filter((s) => c.status !== 'screening' || s === 'closed')
  ) as CaseStatus[];
  const needsReason = (to: CaseStatus) => to === 'not_eligible' || to === 'closed' || c.status === 'closed';

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const to = String(data.get('to') ?? '') as CaseStatus;
    const reason = String(data.get('reason') ?? '').trim();
    if (!to) return;
    if (needsReason(to) && !reason) return setError(t('move.reasonRequired'));
    setError('');
    try {
      const { row, open } = await moveCase(props.db, props.dataKey, asOpen(props.entry), to, {
        by: props.user.username,
        ...(reason ? { reason } : {}),
      });
      props.index.put(row, open.body);
    } catch (err) {
      setError(t('error', { message: (err as Error).message }));
    }
  };

  return (
    <section aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{t('move.heading')}</h3>
      {options.length === 0 ? (
        <p>{t('move.none')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} key={props.entry.rev} noValidate>
          <div className="field">
            <label htmlFor={`${ids}-to`}>{t('move.to')}</label>
            <select id={`${ids}-to`} name="to" defaultValue={options[0]}>
              {options.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-reason`}>{t('move.reason')}</label>
            <input id={`${ids}-reason`} name="reason" maxLength={2000} aria-describedby={`${ids}-hint`} />
          </div>
          <button type="submit">{t('move.apply')}</button>
          <small id={`${ids}-hint`}>{t('move.reasonHint')}</small>
        </form>
      )}
      {error && (
        <p role="alert" className="case-error">
          {error}
        </p>
      )}
    </section>
  );
}

function AddForm(props: { hasScreening: boolean; onAdd: (formKey: string) => void }) {
  const { t, i18n } = useTranslation('cases');
  const ids = useId();
  // Retired versions are not offered for new records (decision 164).
  const keys = offeredForms().map(([key]) => key);
  const [formKey, setFormKey] = useState(props.hasScreening ? 'assistance@1' : 'screening@1');
  return (
    <section aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{t('add.heading')}</h3>
      {!props.hasScreening && <p>{t('add.needsScreening')}</p>}
      <label htmlFor={`${ids}-f`}>{t('add.form')}</label>{' '}
      <select id={`${ids}-f`} value={formKey} onChange={(e) => setFormKey(e.target.value)}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {formTitle(k, i18n.language)}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => props.onAdd(formKey)}>
        {t('add.fill')}
      </button>
    </section>
  );
}

type Item =
  | { kind: 'status'; at: string; from: CaseStatus | null; to: CaseStatus; by: string; reason?: string }
  | { kind: 'assignment'; at: string; to: string; by: string }
  | { kind: 'form'; at: string; form: FormEntry };

function Timeline(props: {
  db: TernDb;
  dataKey: CryptoKey;
  user: User;
  index: CaseIndex;
  entry: CaseEntry;
  forms: FormEntry[];
  onOpenRecord: (id: string) => void;
  onResumeDraft: (form: FormEntry) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const rejected = props.forms.filter((f) => f.rejected);
  const rejectedKey = rejected.map((f) => `${f.id} ${f.rev}`).join(',');
  useEffect(() => {
    // Rejection reasons are sealed (they may quote an answer): open them only for this screen.
    let live = true;
    const ids = rejectedKey ? rejectedKey.split(',').map((k) => k.split(' ')[0]!) : [];
    void Promise.all(ids.map((id) => openRecord(props.db, props.dataKey, id))).then((recs) => {
      if (!live) return;
      const out: Record<string, string> = {};
      for (const r of recs) if (r?.rejection) out[r.id] = `${r.rejection.reason} (${r.rejection.code})`;
      setReasons(out);
    });
    return () => {
      live = false;
    };
  }, [rejectedKey, props.db, props.dataKey]);

  const items: Item[] = [
    ...props.entry.body.history.map((h): Item => ({
      kind: 'status',
      at: h.at,
      from: h.from,
      to: h.to,
      by: h.by,
      ...(h.reason ? { reason: h.reason } : {}),
    })),
    // Assignments and transfers (decision 135): who gave the case to whom, and when.
    ...(props.entry.body.assignments ?? []).map((a): Item => ({ kind: 'assignment', ...a })),
    ...props.forms.map((f): Item => ({ kind: 'form', at: f.createdAt, form: f })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section aria-labelledby="timeline-h">
      <h3 id="timeline-h">{t('timeline.heading')}</h3>
      {props.forms.length === 0 && <p>{t('timeline.empty')}</p>}
      <ol className="timeline" aria-label={t('timeline.heading')}>
        {items.map((it) =>
          it.kind === 'status' ? (
            <li key={`s ${it.at} ${it.to}`} data-kind="status" data-to={it.to}>
              <time dateTime={it.at}>{formatDate(it.at)}</time>
              {it.from === null
                ? `${t('timeline.opened')} (${t(`status.${it.to}`)})`
                : t('timeline.change', { from: t(`status.${it.from}`), to: t(`status.${it.to}`) })}{' '}
              {t('timeline.by', { name: it.by })}
              {it.reason && <div>{t('timeline.why', { reason: it.reason })}</div>}
            </li>
          ) : it.kind === 'assignment' ? (
            <li key={`a ${it.at} ${it.to}`} data-kind="assignment">
              <time dateTime={it.at}>{formatDate(it.at)}</time>
              {t('page.assigned', { name: it.to })} {t('timeline.by', { name: it.by })}
            </li>
          ) : (
            <li
              key={it.form.id}
              data-kind="form"
              data-id={it.form.id}
              data-form={it.form.form}
              data-state={shownState(it.form)}
            >
              <time dateTime={it.at}>{formatDate(it.form.filledAt)}</time>
              {it.form.syncState === 'draft' ? (
                <button type="button" className="link" onClick={() => props.onResumeDraft(it.form)}>
                  {t('timeline.resume', { form: formTitle(it.form.form, i18n.language) })}
                </button>
              ) : (
                <button type="button" className="link" onClick={() => props.onOpenRecord(it.form.id)}>
                  {formTitle(it.form.form, i18n.language)}
                </button>
              )}
              <span className="badge" data-state={shownState(it.form)}>
                {t(`sync.${shownState(it.form)}`)}
              </span>
              <ReviewBadge form={it.form} />
              {it.form.conflict && <div className="case-error">{t('timeline.conflict')}</div>}
              {it.form.rejected && reasons[it.form.id] && (
                <div className="case-error">{t('timeline.rejected', { reason: reasons[it.form.id] })}</div>
              )}
              <DeleteForm
                db={props.db}
                dataKey={props.dataKey}
                index={props.index}
                form={it.form}
                user={props.user}
              />
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
