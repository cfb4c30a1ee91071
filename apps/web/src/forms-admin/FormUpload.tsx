import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublishFormResponse, fetchJson } from '@tern/api';
import type { FormImportProblem } from '@tern/api';
import { asApiError, plainError } from '../i18n/plain-error.ts';
import { ProblemTable } from './ProblemTable.tsx';
import type { Problem } from './ProblemTable.tsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Status = 'idle' | 'sending' | 'done' | 'failed' | 'warnings';

/**
 * Admin: publish a new form version from an XLSForm workbook (or a JSON definition). The server checks
 * it with the same engine devices run; every problem comes back with its sheet, row and column.
 * Errors block publishing. Warnings (what Tern leaves out or does differently) are shown first and the
 * admin publishes with them by a deliberate click, which sends the number of warnings acknowledged.
 * The CSV files a form's select_one_from_file rows name are chosen beside it and sent with it.
 */
export function FormUpload() {
  const { t } = useTranslation('publish');
  const id = useId();
  const [status, setStatus] = useState<Status>('idle');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [mediaFiles, setMediaFiles] = useState<File[]>([]);

  const upload = async (f: File, media: readonly File[], acknowledge?: number) => {
    setStatus('sending');
    setProblems([]);
    const isJson = f.name.toLowerCase().endsWith('.json');
    const query = acknowledge === undefined ? '' : `?acknowledgeWarnings=${acknowledge}`;
    try {
      const { key, warnings } = await fetchJson(`/api/admin/forms${query}`, {
        ...(isJson
          ? { body: await f.text(), contentType: 'application/json' }
          : media.length > 0
            ? { body: withFiles(f, media) }
            : { body: await f.arrayBuffer(), contentType: XLSX_TYPE }),
        schema: PublishFormResponse,
      });
      setStatus('done');
      setMessage(
        warnings.length > 0
          ? t('publishedWithWarnings', { key, count: warnings.length })
          : t('published', { key }),
      );
      setProblems(asProblems(warnings));
    } catch (e) {
      const err = asApiError(e);
      const details = Array.isArray(err.details) ? asProblems(err.details as FormImportProblem[]) : [];
      setProblems(details);
      if (err.code === 'TERN_FORM_WARNINGS') {
        setStatus('warnings');
        setMessage(t('warningsFirst', { count: details.length }));
        return;
      }
      setStatus('failed');
      // The server's message counts errors and warnings; the table below lists them with sheet and row.
      setMessage(err.code === 'TERN_FORM_IMPORT_FAILED' ? err.message : plainError(err));
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
        accept=".xlsx,.xls,.json"
        disabled={status === 'sending'}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          setFile(f);
          void upload(f, mediaFiles);
        }}
      />
      <p className="form-media-files">
        <label htmlFor={`${id}-media`}>{t('mediaFiles')}</label>{' '}
        <input
          id={`${id}-media`}
          type="file"
          multiple
          accept=".csv,text/csv"
          disabled={status === 'sending'}
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])];
            setMediaFiles(chosen);
            if (file) void upload(file, chosen);
          }}
        />
      </p>
      <p role="status" data-state={status}>
        {status === 'sending' ? t('sending') : message}
      </p>
      {status === 'warnings' && file && (
        <button type="button" onClick={() => void upload(file, mediaFiles, problems.length)}>
          {t('publishWithWarnings', { count: problems.length })}
        </button>
      )}
      <ProblemTable problems={problems} />
    </section>
  );
}

/** The workbook with the files its select_one_from_file rows name, as one multipart upload. */
function withFiles(form: File, media: readonly File[]): FormData {
  const body = new FormData();
  body.append('form', form, form.name);
  for (const m of media) body.append('files', m, m.name);
  return body;
}

function asProblems(details: readonly FormImportProblem[]): Problem[] {
  return details.map((d) => (typeof d === 'string' ? { severity: 'error', message: d } : d));
}
