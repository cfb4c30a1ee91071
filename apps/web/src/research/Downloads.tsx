import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../app/download.ts';
import { exportCtdc, exportTable } from './research-api.ts';
import type { ResearchFile, ResearchQuery } from './research-api.ts';
import { plainResearchError } from './research-errors.ts';

type Kind = 'csv' | 'xlsx' | 'ctdc';

/**
 * The table as CSV or XLSX (the server writes the same published cells, labels in the UI language),
 * and the k-anonymous microdata file in CTDC's format. Each goes through fetch with the session
 * cookie, so a refusal shows here in words instead of as a JSON page.
 */
export function Downloads(props: { query: ResearchQuery | null }) {
  const { t, i18n } = useTranslation('research');
  const [running, setRunning] = useState<Kind | null>(null);
  const [message, setMessage] = useState('');
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');

  const run = async (kind: Kind, get: () => Promise<ResearchFile>) => {
    setRunning(kind);
    setState('running');
    setMessage(t('downloads.running'));
    try {
      const file = await get();
      download(file.blob, file.name);
      setState('done');
      setMessage(t('downloads.done', { file: file.name }));
    } catch (e) {
      setState('failed');
      setMessage(plainResearchError(e, t));
    } finally {
      setRunning(null);
    }
  };
  const q = props.query;
  return (
    <section className="research-downloads" aria-label={t('downloads.title')}>
      <h2>{t('downloads.title')}</h2>
      <div className="toolbar">
        <button
          type="button"
          disabled={!q || running !== null}
          onClick={() => q && void run('csv', () => exportTable(q, 'csv', i18n.language))}
        >
          {t('downloads.csv')}
        </button>
        <button
          type="button"
          disabled={!q || running !== null}
          onClick={() => q && void run('xlsx', () => exportTable(q, 'xlsx', i18n.language))}
        >
          {t('downloads.xlsx')}
        </button>
        <button
          type="button"
          disabled={running !== null}
          onClick={() => void run('ctdc', () => exportCtdc())}
        >
          {t('downloads.ctdc')}
        </button>
      </div>
      {running && <progress aria-label={t('downloads.running')} />}
      <p role="status" data-download={state}>
        {message}
      </p>
      <p className="hint">{t('downloads.ctdcNote')}</p>
    </section>
  );
}
