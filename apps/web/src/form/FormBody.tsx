import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { localize, textDirection } from '@tern/forms';
import type { Answers } from '@tern/forms';
import type { DeviceAttachments } from '../device/attachments.ts';
import type { ServerFiles } from './server-files.ts';
import type { AnswerStore } from './answer-store.ts';
import { FormContext } from './form-context.ts';
import type { FormContextValue } from './form-context.ts';
import { FormNodes } from './FormNodes.tsx';
import { pageOfPath, pagesOf } from './pages.ts';
import { useTranslation } from 'react-i18next';

export type FormLayout = 'whole' | 'paged';

const ROOT_SCOPE = Object.freeze([]) as readonly [];

/**
 * The form itself: every node (or one page of them), Save, and the keyboard rules — Enter in a field
 * never submits, Save focuses the first answer that needs attention. Answers live in `store`; this
 * component re-renders only for the language, the layout, the page and the save state.
 */
export const FormBody = memo(function FormBody(props: {
  store: AnswerStore;
  lang: string;
  layout: FormLayout;
  onSave: (answers: Answers) => Promise<void>;
  actions?: ReactNode;
  /** The mission's file store on this device, for media questions. */
  attachments?: DeviceAttachments | undefined;
  /** Where files of media answers this device did not take are read (officers and admins). */
  serverFiles?: ServerFiles | undefined;
}) {
  const { store, lang, layout } = props;
  const { t } = useTranslation('form');
  const form = store.form;
  const fallback = form.defaultLanguage;
  const { attachments, serverFiles } = props;
  const ctx = useMemo<FormContextValue>(
    () => ({ store, lang, dir: textDirection(lang), fallback, t, attachments, serverFiles }),
    [store, lang, fallback, t, attachments, serverFiles],
  );
  const pages = useMemo(() => pagesOf(form.children), [form]);
  const [page, setPage] = useState(0);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);
  const root = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => store.setLanguage(lang), [store, lang]);
  useEffect(() => {
    if (focusRequest === 0) return;
    root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const paged = layout === 'paged' && pages.length > 1;
  const current = Math.min(page, pages.length - 1);
  const pageRelevant = (i: number): boolean => {
    const c = pages[i]?.container;
    return !c || store.isRelevant([], c.name);
  };
  const go = (dir: 1 | -1) => {
    let i = current + dir;
    while (i >= 0 && i < pages.length && !pageRelevant(i)) i += dir;
    if (i < 0 || i >= pages.length) return;
    setPage(i);
    requestAnimationFrame(() => heading.current?.focus());
  };

  const topLevelOf = (name: string): string | null => {
    let f = store.compiled.byName.get(name) ?? null;
    while (f?.parent) f = f.parent;
    return f?.name ?? null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const issues = store.save();
    if (issues.length > 0) {
      setMessage(t('fixErrors'));
      if (paged) setPage(pageOfPath(pages, topLevelOf, issues[0]!.field));
      setFocusRequest((n) => n + 1);
      return;
    }
    setMessage('');
    setSaving(true);
    try {
      await props.onSave(store.prunedAnswers());
    } finally {
      setSaving(false);
    }
  };

  // Implicit submission (Enter in a text field submits the form) loses interviews: only the Save button saves.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const t = e.target as HTMLElement;
    if (e.key === 'Enter' && t instanceof HTMLInputElement && t.type !== 'submit') e.preventDefault();
  };

  const dir = ctx.dir;
  const title = localize(form.title, lang, fallback);
  const shown = paged ? pages[current]! : null;
  return (
    <FormContext.Provider value={ctx}>
      <form
        ref={root}
        className="form"
        dir={dir}
        lang={lang}
        noValidate
        aria-label={title}
        onSubmit={(e) => void submit(e)}
        onKeyDown={onKeyDown}
      >
        <h2>{title}</h2>
        {shown ? (
          <>
            <h3 className="page-title" tabIndex={-1} ref={heading}>
              {t('pageOf', { n: current + 1, total: pages.length })}
              {shown.container ? `: ${localize(shown.container.label, lang, fallback)}` : ''}
            </h3>
            <FormNodes key={current} nodes={shown.nodes} scope={ROOT_SCOPE} />
            <div className="pager">
              <button type="button" onClick={() => go(-1)} disabled={current === 0}>
                {t('previous')}
              </button>
              <button type="button" onClick={() => go(1)} disabled={current === pages.length - 1}>
                {t('next')}
              </button>
            </div>
          </>
        ) : (
          <FormNodes nodes={form.children} scope={ROOT_SCOPE} />
        )}
        {message && (
          <p className="error" role="status">
            {message}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={saving}>
            {t('save')}
          </button>
          {props.actions}
        </div>
      </form>
    </FormContext.Provider>
  );
});
