import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../app/download.ts';
import { LANGUAGES } from '../i18n/i18n.ts';
import { FormListResponse, apiResponse, fetchJson } from '@tern/api';
import type { FormListItem } from '@tern/api';
import { fileNameOf, plainOfficerError } from './api.ts';

type FormInfo = FormListItem;

/**
 * Export the mission's records as the server builds them (GET /api/missions/:mission/export): one
 * form per CSV, every form in one XLSX (a sheet per form and repeat), labels in the chosen language.
 * The download goes through fetch with the session cookie, then a blob link: a plain link would
 * show the server's JSON error as a page instead of a message here.
 */
export function ExportPanel(props: { mission: string }) {
  const { t, i18n } = useTranslation('officer');
  const ids = useId();
  const [forms, setForms] = useState<FormInfo[]>([]);
  const [format, setFormat] = useState<'xlsx' | 'csv' | 'zip'>('xlsx');
  const [form, setForm] = useState('');
  const [lang, setLang] = useState<string>(i18n.language);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [message, setMessage] = useState('');

  useEffect(() => {
    fetchJson('/api/forms', { schema: FormListResponse })
      .then(({ forms: list }) => {
        setForms(list);
        setForm((f) => f || (list[0]?.key ?? ''));
      })
      .catch((e: unknown) => setMessage(plainOfficerError(e, t)));
  }, [t]);

  const run = async () => {
    setState('running');
    setMessage('');
    const q = new URLSearchParams({ format, lang });
    if (format === 'csv') q.set('form', form);
    try {
      const res = await apiResponse(`/api/missions/${encodeURIComponent(props.mission)}/export?${q}`);
      const name = fileNameOf(res, `tern-${props.mission}.${format}`);
      download(await res.blob(), name);
      setState('done');
      setMessage(t('export.done', { file: name }));
    } catch (e) {
      setState('failed');
      setMessage(plainOfficerError(e, t));
    }
  };

  const title = (f: FormInfo) => f.title[i18n.language] ?? f.title.en ?? Object.values(f.title)[0] ?? f.key;
  return (
    <section className="officer-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('export.title')}</h2>
      <div className="export-options">
        <label htmlFor={`${ids}-format`}>{t('export.format')}</label>
        <select
          id={`${ids}-format`}
          value={format}
          onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv' | 'zip')}
        >
          <option value="xlsx">{t('export.xlsx')}</option>
          <option value="csv">{t('export.csv')}</option>
          <option value="zip">{t('export.zip')}</option>
        </select>
        {format === 'csv' && (
          <>
            <label htmlFor={`${ids}-form`}>{t('export.form')}</label>
            <select id={`${ids}-form`} value={form} onChange={(e) => setForm(e.target.value)}>
              {forms.map((f) => (
                <option key={f.key} value={f.key}>
                  {title(f)} ({f.key})
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={`${ids}-lang`}>{t('export.language')}</label>
        <select id={`${ids}-lang`} value={lang} onChange={(e) => setLang(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => void run()}
          disabled={state === 'running' || (format === 'csv' && !form)}
        >
          {state === 'running' ? t('export.running') : t('export.download')}
        </button>
      </div>
      <p role="status" data-export={state} className="export-status">
        {message}
      </p>
    </section>
  );
}
