import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
    const res = await fetch('/api/admin/forms', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': isJson ? 'application/json' : XLSX_TYPE },
      body: isJson ? await file.text() : await file.arrayBuffer(),
    });
    const body = (await res.json().catch(() => ({}))) as {
      key?: string;
      message?: string;
      details?: unknown;
    };
    if (res.ok) {
      setStatus('done');
      setMessage(t('published', { key: body.key }));
      return;
    }
    setStatus('failed');
    setMessage(body.message ?? t('refused', { status: res.status }));
    const details = Array.isArray(body.details) ? body.details : [];
    setProblems(details.map((d) => (typeof d === 'string' ? { message: d } : (d as Problem))));
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
