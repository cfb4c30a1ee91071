import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseFormDefinition, readyToCompile } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import { LANGUAGES, loadFormTexts } from '../i18n/i18n.ts';
import { AnswerStore } from '../form/answer-store.ts';
import { FormBody } from '../form/FormBody.tsx';
import { formLanguageOptions } from '../form/form-languages.ts';
import '../form/form.css';
import { adminApi } from './admin-api.ts';
import { Note } from './Note.tsx';
import { plainError } from './use-admin-data.ts';

const nothing = async () => undefined;

/**
 * A published version as an interviewer sees it, read-only: the same renderer (FormBody), inside a
 * disabled fieldset, so nothing can be typed or saved. The language is the admin's choice.
 */
export function FormPreview(props: { formKey: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [error, setError] = useState('');
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    let live = true;
    adminApi
      .form(props.formKey)
      // A form with regex() is checked with its engine, fetched for such forms only (decision 185).
      .then(async (json) => {
        await readyToCompile(json);
        if (live) setForm(parseFormDefinition(json));
      })
      .catch((e: unknown) => live && setError(plainError(e)));
    return () => {
      live = false;
    };
  }, [props.formKey]);
  const store = useMemo(() => (form ? new AnswerStore(form, { language: lang }) : null), [form, lang]);
  return (
    <section className="form-preview" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('forms.previewOf', { key: props.formKey })}</h3>
      <button type="button" onClick={props.onClose}>
        {t('forms.closePreview')}
      </button>
      <Note error={error} />
      {form && store && (
        <>
          <label htmlFor={`${id}-l`}>{t('forms.language')}</label>
          <select
            id={`${id}-l`}
            value={lang}
            onChange={(e) => {
              const next = e.target.value;
              void loadFormTexts(next).then(() => setLang(next));
            }}
          >
            {formLanguageOptions(form, LANGUAGES, i18n.language).map((o) => (
              <option key={o.code} value={o.code}>
                {o.name ?? o.code}
              </option>
            ))}
          </select>
          <p className="hint">{t('forms.readOnly')}</p>
          <fieldset disabled className="preview-body">
            <legend className="visually-hidden">{t('forms.previewOf', { key: props.formKey })}</legend>
            <FormBody store={store} lang={lang} layout="whole" onSave={nothing} />
          </fieldset>
        </>
      )}
    </section>
  );
}
