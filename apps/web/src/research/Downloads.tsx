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
  // What happened, put in words when shown (a language switch re-words it).
  const [outcome, setOutcome] = useState<{ file?: string; error?: unknown }>({});
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');

  const run = async (kind: Kind, get: () => Promise<ResearchFile>) => {
    setRunning(kind);
    setState('running');
    setOutcome({});
    try {
      const file = await get();
      download(file.blob, file.name);
      setState('done');
      setOutcome({ file: file.name });
    } catch (e) {
      setState('failed');
      setOutcome({ error: e });
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
        {state === 'running' && t('downloads.running')}
        {state === 'done' && t('downloads.done', { file: outcome.file })}
        {state === 'failed' && plainResearchError(outcome.error, t)}
      </p>
      <p className="hint">{t('downloads.ctdcNote')}</p>
    </section>
  );
}
