import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_FORM_TITLES, localize } from '@tern/forms';
import {
  deviceForms,
  ensureCaseForms,
  newRecordForm,
  offeredForms,
  retiredDeviceForms,
  useDeviceForms,
} from '../forms-admin/device-forms.ts';
import { formTitle } from '../cases/case-labels.ts';
import type { Answers, FormDefinition } from '@tern/forms';
import type { TernDb } from '../device/db.ts';
import { DeviceAttachments } from '../device/attachments.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { AnswerStore } from './answer-store.ts';
import { autosaver } from './autosave.ts';
import { discardDraft, listDrafts, saveDraft, submitDraft } from './drafts.ts';
import { FormBody } from './FormBody.tsx';
import { formLanguageOptions } from './form-languages.ts';
import type { FormLayout } from './FormBody.tsx';
import { LANGUAGES, formatDate, loadFormTexts } from '../i18n/i18n.ts';
import { holdOpenWork } from '../safety/open-work.ts';
import './form.css';

const DEFAULT_FORM = 'quick-screening@1';

/** A case form not yet on this device's list (its chunk is fetched when it is chosen, decision 207). */
const notLoaded = (key: string): boolean => key in CASE_FORM_TITLES && !deviceForms.has(key);

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  const v = localStorage.getItem(key);
  return allowed.includes(v as T) ? (v as T) : fallback;
}

interface Session {
  formKey: string;
  store: AnswerStore;
  /** Set once the first autosave made the draft row, or when a draft is resumed. */
  draftId: string | null;
  /** The case the form is for (apps/web/src/cases), kept through drafts. */
  caseId?: string;
}

/** What the device knows for the form's metadata questions (XLSForm `deviceid`, `username`). */
interface DeviceFacts {
  deviceid?: string | undefined;
  username?: string | undefined;
}

function newSession(
  formKey: string,
  lang: string,
  facts: DeviceFacts,
  answers?: Answers,
  draftId: string | null = null,
  caseId?: string,
): Session {
  const form: FormDefinition = deviceForms.get(formKey) ?? deviceForms.get(DEFAULT_FORM)!;
  return {
    formKey,
    store: new AnswerStore(form, { answers: answers ?? {}, language: lang, device: facts }),
    draftId,
    ...(caseId ? { caseId } : {}),
  };
}

/**
 * "New record": choose a built-in form, the language and the layout, fill it in (autosaved as a draft
 * on this device), then save the record or discard it. Drafts left on the device can be resumed here.
 */
export function FormPage(props: {
  db: TernDb;
  dataKey: CryptoKey;
  mission: string;
  device: string | null;
  /** The logged-in user, for the form's `username` metadata questions. */
  username?: string;
  onDone: () => void;
  /** A form for a case: this form only, linked to the case; `onSaved` runs before `onDone`. */
  forCase?: {
    caseId: string;
    formKey: string;
    /** Answers the form starts with (the Screening of a new case: name, date of birth, today). */
    answers?: Answers;
    /** A draft of this form for the case, resumed from the case page (its answers in `answers`). */
    draftId?: string;
    onSaved: (row: OpenRow) => Promise<void>;
  };
}) {
  const { db, mission, dataKey } = props;
  const attachments = useMemo(() => new DeviceAttachments(db, mission, dataKey), [db, mission, dataKey]);
  useDeviceForms(); // the form list grows when published forms are read from the device
  // The page's own words follow the UI language; the form's labels follow `lang`, chosen here.
  const { t, i18n } = useTranslation('form');
  const [lang, setLang] = useState<string>(() =>
    stored(
      // The form's language starts as the UI's and can differ (interviewing in the person's language).
      localStorage.getItem('tern.formLang') ? 'tern.formLang' : 'tern.lang',
      LANGUAGES.map((l) => l.code as string),
      'en',
    ),
  );
  const [layout, setLayout] = useState<FormLayout>(() =>
    stored<FormLayout>('tern.formLayout', ['whole', 'paged'], 'whole'),
  );
  const facts: DeviceFacts = { deviceid: props.device ?? undefined, username: props.username };
  const [session, setSession] = useState<Session>(() =>
    props.forCase
      ? newSession(
          props.forCase.formKey,
          lang,
          facts,
          props.forCase.answers,
          props.forCase.draftId ?? null,
          props.forCase.caseId,
        )
      : newSession(newRecordForm(localStorage.getItem('tern.form') ?? DEFAULT_FORM), lang, facts),
  );
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [confirming, setConfirming] = useState(false);
  const [drafts, setDrafts] = useState<OpenRow[]>([]);
  const device = useRef(props.device);
  device.current = props.device;
  const draftId = useRef<string | null>(session.draftId);
  const failed = useRef(false);
  const ids = useId();

  useEffect(() => {
    // A case's form starts fresh; drafts are resumed from "New record" (a case's draft keeps its case).
    if (!props.forCase) void listDrafts(db, dataKey, mission).then(setDrafts);
  }, [db, dataKey, mission]);

  const saver = useMemo(
    () =>
      autosaver<Answers>(
        async (answers) => {
          if (!device.current) return;
          setStatus('saving');
          const row = await saveDraft(db, dataKey, {
            mission,
            form: session.formKey,
            answers,
            device: device.current,
            ...(draftId.current ? { id: draftId.current } : {}),
            ...(session.caseId ? { caseId: session.caseId } : {}),
          });
          draftId.current = row.id;
          failed.current = false;
          setStatus('saved');
        },
        {
          onError: () => {
            failed.current = true;
            setStatus('failed');
          },
        },
      ),
    [db, dataKey, mission, session.formKey, session.caseId],
  );

  useEffect(() => {
    draftId.current = session.draftId;
    const off = session.store.onChange((answers) => {
      setDirty(true);
      saver.schedule(answers);
    });
    // Leaving the page (tab hidden, app closed) writes what is pending at once.
    const hide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    document.addEventListener('visibilitychange', hide);
    // An app update (or anything else that replaces the page) stores the draft first, and stops if
    // it could not be stored.
    const release = holdOpenWork(async () => {
      await saver.flush();
      if (failed.current) throw new Error('The draft could not be saved on this device');
    });
    return () => {
      release();
      off();
      document.removeEventListener('visibilitychange', hide);
      void saver.flush();
      session.store.dispose();
    };
  }, [session, saver]);

  const [loadFailed, setLoadFailed] = useState(false);
  /** Bring a case form first when it is not on the list yet; false when it could not be fetched. */
  const ready = async (formKey: string): Promise<boolean> => {
    if (!notLoaded(formKey)) return true;
    const ok = await ensureCaseForms().then(
      () => true,
      () => false,
    );
    setLoadFailed(!ok);
    return ok;
  };
  const start = async (formKey: string) => {
    localStorage.setItem('tern.form', formKey);
    if (!(await ready(formKey))) return;
    setSession(newSession(formKey, lang, facts));
    setDirty(false);
  };
  const resume = async (row: OpenRow) => {
    const formKey = String(row.body.form);
    if (!(await ready(formKey))) return;
    const caseId = typeof row.body.caseId === 'string' ? row.body.caseId : undefined;
    setSession(newSession(formKey, lang, facts, (row.body.answers ?? {}) as Answers, row.id, caseId));
    setDirty(true);
    setStatus('saved');
  };
  const pristine = useRef(true);
  pristine.current = !dirty;
  useEffect(() => {
    // The form chosen last time is a case form not loaded yet: open it once it is here, unless the
    // interviewer has begun typing in the one shown meanwhile.
    const remembered = localStorage.getItem('tern.form');
    if (props.forCase || !remembered || !notLoaded(remembered) || retiredDeviceForms.has(remembered)) return;
    void ready(remembered).then((ok) => {
      if (ok && pristine.current) setSession(newSession(remembered, lang, facts));
    });
    // Once, for the form remembered at opening.
  }, []);
  const onSave = async (answers: Answers) => {
    if (!device.current) return;
    await saver.cancel();
    const row = await submitDraft(db, dataKey, {
      mission,
      form: session.formKey,
      answers,
      device: device.current,
      ...(draftId.current ? { draftId: draftId.current } : {}),
      ...(session.caseId ? { caseId: session.caseId } : {}),
      ...(props.username ? { createdBy: props.username } : {}),
    });
    await props.forCase?.onSaved(row);
    props.onDone();
  };
  const discard = async () => {
    await saver.cancel();
    if (draftId.current) await discardDraft(db, draftId.current);
    props.onDone();
  };
  const close = async () => {
    await saver.flush();
    props.onDone();
  };

  const actions = confirming ? (
    <span className="confirm" role="alertdialog" aria-label={t('discardQ')}>
      {t('discardQ')}{' '}
      <button type="button" onClick={() => void discard()}>
        {t('discard')}
      </button>{' '}
      <button type="button" autoFocus onClick={() => setConfirming(false)}>
        {t('keepEditing')}
      </button>
    </span>
  ) : (
    <>
      <button type="button" onClick={() => (dirty ? setConfirming(true) : void discard())}>
        {t('cancel')}
      </button>
      {dirty && (
        <button type="button" onClick={() => void close()}>
          {t('close')}
        </button>
      )}
    </>
  );

  return (
    <div className="form-page">
      <div className="form-settings">
        <label htmlFor={`${ids}-form`}>{t('form')}</label>
        <select
          id={`${ids}-form`}
          value={session.formKey}
          disabled={dirty || props.forCase !== undefined}
          onChange={(e) => void start(e.target.value)}
        >
          {offeredForms(session.formKey).map(([key, f]) => (
            <option key={key} value={key}>
              {localize(f.title, lang, f.defaultLanguage)}
            </option>
          ))}
          {Object.entries(CASE_FORM_TITLES)
            .filter(([key]) => notLoaded(key) && !retiredDeviceForms.has(key))
            .map(([key, title]) => (
              <option key={key} value={key}>
                {localize(title, lang, 'en')}
              </option>
            ))}
        </select>
        {loadFailed && <p role="alert">{t('formUnavailable')}</p>}
        <label htmlFor={`${ids}-lang`}>{t('language')}</label>
        <select
          id={`${ids}-lang`}
          value={lang}
          onChange={(e) => {
            const next = e.target.value;
            localStorage.setItem('tern.formLang', next);
            // The built-in forms' texts in that language come with its chunk: the form turns once they are there.
            void loadFormTexts(next).then(() => setLang(next));
          }}
        >
          {formLanguageOptions(session.store.form, LANGUAGES, i18n.language).map((l) => (
            <option key={l.code} value={l.code} lang={l.name === null ? undefined : l.code}>
              {l.name ?? t('languageDefault')}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-layout`}>{t('layout')}</label>
        <select
          id={`${ids}-layout`}
          value={layout}
          onChange={(e) => {
            const v = e.target.value as FormLayout;
            localStorage.setItem('tern.formLayout', v);
            setLayout(v);
          }}
        >
          <option value="whole">{t('wholeForm')}</option>
          <option value="paged">{t('paged')}</option>
        </select>
        <span className="draft-status" role="status" data-state={status}>
          {status === 'saving'
            ? t('draftSaving')
            : status === 'saved'
              ? t('draftSaved')
              : status === 'failed'
                ? t('draftFailed')
                : ''}
        </span>
      </div>
      {!dirty && drafts.length > 0 && (
        <section className="drafts" aria-label={t('drafts')}>
          <h3>{t('drafts')}</h3>
          <ul>
            {drafts.map((d) => {
              return (
                <li key={d.id}>
                  {formTitle(String(d.body.form), lang)} — {formatDate(d.updatedAt)}{' '}
                  <button type="button" onClick={() => void resume(d)}>
                    {t('resume')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <FormBody
        key={`${session.formKey} ${session.draftId ?? ''}`}
        store={session.store}
        lang={lang}
        layout={layout}
        onSave={onSave}
        actions={actions}
        attachments={attachments}
      />
    </div>
  );
}
