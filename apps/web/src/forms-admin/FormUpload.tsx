import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublishFormResponse, fetchJson } from '@tern/api';
import type { FormImportProblem } from '@tern/api';
import { asApiError, plainError } from '../i18n/plain-error.ts';

interface Problem {
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Admin: publish a new form version from an XLSForm workbook (or a JSON definition). The server checks
 * it with the same engine devices run; every problem comes back with its sheet and row, and nothing is
 * published until there are none.
 */
export function FormUpload() {
  const { t } = useTranslation('publish');
  const id = useId();
  const [status, setStatus] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);

  const upload = async (file: File) => {
    setStatus('sending');
    setProblems([]);
    const isJson = file.name.toLowerCase().endsWith('.json');
    try {
      const { key } = await fetchJson('/api/admin/forms', {
        body: isJson ? await file.text() : await file.arrayBuffer(),
        contentType: isJson ? 'application/json' : XLSX_TYPE,
        schema: PublishFormResponse,
      });
      setStatus('done');
      setMessage(t('published', { key }));
    } catch (e) {
      const err = asApiError(e);
      setStatus('failed');
      // The server's message counts the problems; the table below lists them with sheet and row.
      setMessage(err.code === 'TERN_FORM_IMPORT_FAILED' ? err.message : plainError(err));
      const details = Array.isArray(err.details) ? (err.details as FormImportProblem[]) : [];
      setProblems(details.map((d) => (typeof d === 'string' ? { message: d } : d)));
    }
  };

  return (
    <section className="form-upload" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('title')}</h2>
      <p>{t('explain')}</p>
      <label htmlFor={id}>{t('file')}</label>{' '}
      <input
        id={id}
        type="file"
        accept=".xlsx,.json"
        disabled={status === 'sending'}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      <p role="status" data-state={status}>
        {status === 'sending' ? t('sending') : message}
      </p>
      {problems.length > 0 && (
        <table aria-label={t('problems')}>
          <thead>
            <tr>
              <th>{t('sheet')}</th>
              <th>{t('row')}</th>
              <th>{t('column')}</th>
              <th>{t('problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.sheet ?? ''}</td>
                <td>{p.row ?? ''}</td>
                <td>{p.column ?? ''}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
