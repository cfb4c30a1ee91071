import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetResponse, DatasetSummary, RunResults, RunSpec, RunSummary } from '@tern/api';
import { PageHeader } from '../app/PageHeader.tsx';
import { PROFILES_HASH } from '../profiles/profiles-route.ts';
import { DatasetPanel } from './DatasetPanel.tsx';
import { ProblemView } from './ProblemView.tsx';
import { ResultsView } from './ResultsView.tsx';
import { SavedRuns } from './SavedRuns.tsx';
import { SpecForm } from './SpecForm.tsx';
import type { Draft } from './SpecForm.tsx';
import { deleteRun, getDataset, getRun, listDatasets, listRuns, saveRun } from './demography-api.ts';
import { runInWorker } from './run-in-worker.ts';
import { scenarioDraft, scenarioSpec, specProblem } from './spec-model.ts';
import './demography.css';

const draftFor = (d: DatasetSummary): Draft => {
  const year = Number.parseInt(d.time, 10);
  return { regions: [...d.states], baseYear: Number.isFinite(year) ? year : 2025, steps: 4, scenarios: [] };
};

interface Shown {
  results: RunResults;
  spec: RunSpec;
  /** Set once stored (or when reopened). */
  savedAs: string | null;
}

/**
 * The statistician's projection workspace (issue 14): shared data sets, a run's spec, the projection
 * in a Web Worker with progress, charts and tables, CSV/XLSX files, saved runs to share and reopen.
 */
export default function DemographyPage(props: {
  username: string;
  role: string;
  onClose: (() => void) | null;
  /** The account holds a role on a country's Migration Profile: link to them (decision 186). */
  profiles?: boolean;
  onLock: () => void;
  onLogout: () => Promise<void>;
}) {
  const { t } = useTranslation('demography');
  const { t: tc } = useTranslation();
  const [datasets, setDatasets] = useState<DatasetSummary[]>([]);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [dataset, setDataset] = useState<DatasetResponse | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [runName, setRunName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const running = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    const [d, r] = await Promise.all([listDatasets(), listRuns()]);
    setDatasets(d);
    setRuns([...r].reverse());
    return d;
  }, []);
  const choose = useCallback(async (id: string) => {
    setError(null);
    try {
      const d = await getDataset(id);
      setDataset(d);
      setDraft(draftFor(d));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    refresh()
      .then((d) => d[0] && choose(d[0].id))
      .catch(setError);
    return () => running.current?.abort();
  }, [refresh, choose]);

  const spec: RunSpec | null =
    dataset && draft
      ? {
          dataset: dataset.id,
          regions: draft.regions,
          baseYear: draft.baseYear,
          steps: draft.steps,
          scenarios: draft.scenarios.map(scenarioSpec),
        }
      : null;
  const problem = spec ? specProblem(spec) : null;

  const run = async () => {
    if (!spec || !dataset) return;
    running.current?.abort();
    const ctl = new AbortController();
    running.current = ctl;
    setError(null);
    setNote('');
    setProgress({ done: 0, total: 1 });
    const files = dataset.xlsx !== undefined ? { xlsx: dataset.xlsx } : { csv: dataset.csv ?? {} };
    try {
      const results = await runInWorker(
        { files, years: dataset.years, time: dataset.time, spec },
        (done, total) => setProgress({ done, total }),
        ctl.signal,
      );
      setShown({ results, spec, savedAs: null });
    } catch (e) {
      if ((e as { name?: string }).name !== 'AbortError') setError(e);
    } finally {
      if (running.current === ctl) setProgress(null);
    }
  };

  const save = async () => {
    if (!shown) return;
    setError(null);
    try {
      const saved = await saveRun({ name: runName.trim(), spec: shown.spec, results: shown.results });
      setShown({ ...shown, savedAs: saved.name });
      setNote(t('saved.done', { name: saved.name }));
      await refresh();
    } catch (e) {
      setError(e);
    }
  };

  const open = async (id: string) => {
    setError(null);
    try {
      const r = await getRun(id);
      setShown({ results: r.results, spec: r.spec, savedAs: r.name });
      setRunName(r.name);
      const d = datasets.find((x) => x.id === r.spec.dataset);
      if (d) {
        setDataset(await getDataset(d.id));
        setDraft({ ...r.spec, scenarios: r.spec.scenarios.map((s) => scenarioDraft(s, r.spec.baseYear)) });
      }
      setNote(t('saved.opened', { name: r.name }));
    } catch (e) {
      setError(e);
    }
  };

  const remove = async (id: string) => {
    if (!window.confirm(t('saved.confirmDelete'))) return;
    try {
      await deleteRun(id);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="app demography">
      <PageHeader
        title={t('title')}
        backLabel={t('back')}
        username={props.username}
        role={props.role}
        onClose={props.onClose}
        onLock={props.onLock}
        onLogout={props.onLogout}
      >
        {props.profiles && (
          <a className="admin-link" href={PROFILES_HASH}>
            {tc('profilesLink')}
          </a>
        )}
      </PageHeader>
      <main>
        <p className="hint">{t('intro')}</p>
        {error !== null && <ProblemView error={error} />}
        {note && (
          <p role="status" className="notice">
            {note}
          </p>
        )}
        <DatasetPanel
          datasets={datasets}
          selected={dataset?.id ?? null}
          onSelect={(id) => void choose(id)}
          onCreated={(d) => void refresh().then(() => choose(d.id))}
        />
        {dataset && draft && <SpecForm dataset={dataset} draft={draft} onChange={setDraft} />}
        {spec && (
          <section className="demog-box demog-run" aria-live="polite">
            <button type="button" disabled={problem !== null || progress !== null} onClick={() => void run()}>
              {t('run.start')}
            </button>
            {progress && (
              <>
                <progress value={progress.done} max={progress.total} data-progress="">
                  {progress.done}/{progress.total}
                </progress>{' '}
                <span>{t('run.progress', { done: progress.done, total: progress.total })}</span>
                <button type="button" onClick={() => running.current?.abort()}>
                  {t('run.cancel')}
                </button>
              </>
            )}
            {problem && <p className="hint">{t(problem)}</p>}
          </section>
        )}
        {shown && (
          <>
            <ResultsView
              results={shown.results}
              regions={shown.spec.regions}
              name={shown.savedAs ?? (runName || 'projection')}
            />
            <section className="demog-box">
              <label>
                {t('saved.name')}{' '}
                <input
                  name="runName"
                  value={runName}
                  maxLength={120}
                  onChange={(e) => setRunName(e.target.value)}
                />
              </label>{' '}
              <button
                type="button"
                disabled={runName.trim() === '' || shown.savedAs !== null}
                onClick={() => void save()}
              >
                {t('saved.save')}
              </button>
            </section>
          </>
        )}
        <SavedRuns runs={runs} onOpen={(id) => void open(id)} onDelete={(id) => void remove(id)} />
      </main>
    </div>
  );
}
