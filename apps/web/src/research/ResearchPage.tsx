import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResearchMetaResponse, ResearchTableResponse } from '@tern/api';
import { PageHeader } from '../app/PageHeader.tsx';
import { Charts } from './Charts.tsx';
import { Downloads } from './Downloads.tsx';
import { FlowsView } from './FlowsView.tsx';
import { Freshness } from './Freshness.tsx';
import { QueryBuilder } from './QueryBuilder.tsx';
import { ResultTable } from './ResultTable.tsx';
import { fetchFlows, fetchMeta, fetchSeries, fetchTable } from './research-api.ts';
import type { ResearchQuery } from './research-api.ts';
import { plainResearchError } from './research-errors.ts';
import { tableModel } from './table-model.ts';
import './research.css';

interface Answers {
  query: ResearchQuery;
  table: ResearchTableResponse;
  series: ResearchTableResponse | null;
  flows: ResearchTableResponse | null;
}

/** The first table offered: types of exploitation, the question most researchers start with. */
const firstDims = (meta: ResearchMetaResponse) =>
  meta.dimensions.some((d) => d.name === 'exploitation')
    ? ['exploitation']
    : meta.dimensions.slice(0, 1).map((d) => d.name);

/**
 * The researcher's dashboard (issue 13): choose a table, see it as published (suppressed cells
 * marked), charts, routes and downloads. Every number comes from the server's disclosure control;
 * nothing here computes a count the server did not publish.
 */
export default function ResearchPage(props: {
  username: string;
  role: string;
  onClose: (() => void) | null;
  onLock: () => void;
  onLogout: () => Promise<void>;
}) {
  const { t } = useTranslation('research');
  const [meta, setMeta] = useState<ResearchMetaResponse | null>(null);
  const [query, setQuery] = useState<ResearchQuery>({
    dims: [],
    filters: {},
    source: 'missions',
    count: 'cases',
  });
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  // Kept as thrown and put in words when shown, so a language switch re-words it (and asks nothing again).
  const [error, setError] = useState<unknown>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    fetchMeta()
      .then((m) => {
        setMeta(m);
        setQuery((q) => (q.dims.length > 0 ? q : { ...q, dims: firstDims(m) }));
      })
      .catch((e: unknown) => setError(e));
    return () => running.current?.abort();
  }, []);

  const build = async () => {
    running.current?.abort();
    const ctl = new AbortController();
    running.current = ctl;
    const q = query;
    setError(null);
    // Table, lines over years (split by the first dimension other than the year) and routes.
    const by = q.dims.find((d) => d !== 'year');
    const steps = 3;
    let done = 0;
    setProgress({ done, of: steps });
    const step = <T,>(p: Promise<T>) =>
      p.then((x) => {
        done += 1;
        if (!ctl.signal.aborted) setProgress({ done, of: steps });
        return x;
      });
    try {
      const [table, series, flows] = await Promise.all([
        step(fetchTable(q, undefined, ctl.signal)),
        // The lines and the routes are extras: the table stands without them.
        step(fetchSeries(q, by, undefined, ctl.signal).catch(() => null)),
        step(fetchFlows(q, undefined, ctl.signal).catch(() => null)),
      ]);
      if (!ctl.signal.aborted) setAnswers({ query: q, table, series, flows });
    } catch (e) {
      if ((e as { name?: string }).name !== 'AbortError') setError(e);
    } finally {
      if (running.current === ctl) setProgress(null);
    }
  };

  const known = useMemo(
    () => Object.fromEntries((meta?.dimensions ?? []).map((d) => [d.name, d.values])),
    [meta],
  );
  const model = useMemo(() => (answers ? tableModel(answers.table, known) : null), [answers, known]);
  const fresh = answers?.table ?? meta;

  return (
    <div className="app research">
      <PageHeader
        title={t('title')}
        backLabel={t('back')}
        username={props.username}
        role={props.role}
        onClose={props.onClose}
        onLock={props.onLock}
        onLogout={props.onLogout}
      />
      <main>
        <p className="privacy-note">{t('privacy', { k: meta?.k ?? 11 })}</p>
        {fresh && <Freshness fresh={fresh} />}
        {error !== null && (
          <p role="alert" className="error" data-research-error="">
            {plainResearchError(error, t)}
          </p>
        )}
        {!meta && error === null && <p>{t('loading')}</p>}
        {meta?.missions.length === 0 && (
          <p role="alert" className="notice" data-no-grant="">
            {t('noGrant')}
          </p>
        )}
        {meta && (
          <QueryBuilder
            meta={meta}
            query={query}
            onChange={setQuery}
            onBuild={() => void build()}
            busy={progress !== null}
          />
        )}
        {progress && (
          <p className="research-progress" role="status">
            <progress value={progress.done} max={progress.of} />{' '}
            {t('progress', { done: progress.done, of: progress.of })}
          </p>
        )}
        {answers && model && (
          <>
            <ResultTable model={model} />
            <Charts model={model} series={answers.series} />
            {answers.flows && <FlowsView flows={answers.flows} />}
          </>
        )}
        {meta && <Downloads query={answers?.query ?? null} />}
      </main>
    </div>
  );
}
