import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@tern/api';
import { SECTION_IDS, addTernFigures, sectionTitle } from '@tern/profiles';
import type { ProfileBody, ProfileValue, SectionId } from '@tern/profiles';
import type { Edit } from './EditionView.tsx';
import { indicatorName } from './indicator-name.ts';
import { newItemId } from './item-id.ts';

type Kind = 'trafficking' | 'projection';

interface Pull {
  query: string;
  figures: ProfileValue[];
  withheld: Array<{ year: number; why: string }>;
}

interface Run {
  id: string;
  name: string;
  spec: { regions: string[]; scenarios: Array<{ name: string }> };
}

/**
 * Tern's own figures (decision 212): the server computes counter-trafficking aggregates through the
 * research disclosure control, or a projection run's population, and seals them; the team looks at
 * them (years withheld by the control are listed, never a number) and adds them to the draft. Online
 * only: the figures are computed on the server at the team's request.
 */
export function FiguresPanel(props: { doc: ProfileBody; edit: Edit; lang: string }) {
  const { t, i18n } = useTranslation('profiles');
  const year = new Date().getFullYear();
  const [kind, setKind] = useState<Kind>('trafficking');
  const [from, setFrom] = useState(year - 5);
  const [to, setTo] = useState(year - 1);
  const [runs, setRuns] = useState<Run[] | 'forbidden' | null>(null);
  const [run, setRun] = useState('');
  const [scenario, setScenario] = useState('baseline');
  const [region, setRegion] = useState('');
  const [section, setSection] = useState<SectionId | ''>('');
  const [pull, setPull] = useState<Pull | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const country = props.doc.country;

  useEffect(() => {
    if (kind !== 'projection' || runs !== null) return;
    void (async () => {
      try {
        const res = await fetch('/api/demography/runs', { credentials: 'same-origin' });
        if (!res.ok) return setRuns('forbidden');
        const list = ((await res.json()) as { runs: Run[] }).runs;
        setRuns(list);
        if (list[0]) {
          setRun(list[0].id);
          setRegion(list[0].spec.regions[0] ?? '');
        }
      } catch {
        setProblem(t('figures.offline'));
      }
    })();
  }, [kind, runs, t]);

  const ask = async () => {
    setProblem(null);
    setDone(null);
    setPull(null);
    const body =
      kind === 'trafficking' ? { kind, from, to } : { kind, run, scenario: scenario.trim(), region };
    try {
      const res = await fetch(`/api/profiles/${country}/figures`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Pull & { code?: string; message?: string };
      if (!res.ok) {
        const code = json.code ?? 'TERN_INTERNAL';
        setProblem(
          t('problem', {
            reason: (errorMessage(code, i18n.language) ?? code).replace(/\.$/, ''),
            detail: json.message ?? '',
            code,
          }),
        );
        return;
      }
      setPull(json);
    } catch {
      setProblem(t('figures.offline'));
    }
  };

  const add = async () => {
    if (!pull || pull.figures.length === 0) return;
    const indicators = [...new Set(pull.figures.map((f) => f.indicator))];
    const ok = await props.edit((d) => {
      const p = addTernFigures(d, pull.figures);
      if (!section) return p;
      const s = p.sections[section];
      if (s.tables.some((tb) => indicators.every((i) => tb.indicators.includes(i)))) return p;
      const table = {
        _id: newItemId('t'),
        title: { [props.lang]: indicators.map(indicatorName).join(', ') },
        indicators,
        chart: 'line' as const,
      };
      return { ...p, sections: { ...p.sections, [section]: { ...s, tables: [...s.tables, table] } } };
    });
    if (ok) {
      setDone(t('figures.added', { n: pull.figures.length }));
      setPull(null);
    }
  };

  const chosen = Array.isArray(runs) ? runs.find((r) => r.id === run) : undefined;
  const fmt = new Intl.NumberFormat(i18n.language);
  return (
    <section className="profile-figures" aria-labelledby="profile-figures-title">
      <h4 id="profile-figures-title">{t('figures.title')}</h4>
      <p className="hint">{t('figures.intro')}</p>
      <label>
        {t('figures.kind')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="trafficking">{t('figures.trafficking')}</option>
          <option value="projection">{t('figures.projection')}</option>
        </select>
      </label>
      {kind === 'trafficking' ? (
        <>
          <label>
            {t('figures.from')}{' '}
            <input
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              value={from}
              onChange={(e) => setFrom(Number(e.target.value))}
            />
          </label>
          <label>
            {t('figures.to')}{' '}
            <input
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              value={to}
              onChange={(e) => setTo(Number(e.target.value))}
            />
          </label>
        </>
      ) : runs === 'forbidden' ? (
        <p className="hint">{t('figures.noProjections')}</p>
      ) : (
        <>
          <label>
            {t('figures.run')}{' '}
            <select value={run} onChange={(e) => setRun(e.target.value)}>
              {(runs ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('figures.scenario')}{' '}
            <select value={scenario} onChange={(e) => setScenario(e.target.value)}>
              {['baseline', ...(chosen?.spec.scenarios.map((s) => s.name) ?? [])].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('figures.region')}{' '}
            <select value={region} onChange={(e) => setRegion(e.target.value)}>
              {(chosen?.spec.regions ?? []).map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <button type="button" disabled={kind === 'projection' && (!run || !region)} onClick={() => void ask()}>
        {t('figures.pull')}
      </button>
      {problem && (
        <p role="alert" className="profile-problem">
          {problem}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {pull && (
        <div data-tern-pull>
          <p lang="en">{pull.query}</p>
          {pull.figures.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sources.year')}</th>
                  <th scope="col">{t('sources.values')}</th>
                </tr>
              </thead>
              <tbody>
                {pull.figures.map((f) => (
                  <tr key={f._id} data-year={f.year}>
                    <td>{f.year}</td>
                    <td>
                      {fmt.format(f.value)} <span lang="en">({f.source})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pull.withheld.length > 0 && (
            <p data-withheld={pull.withheld.map((w) => w.year).join(' ')}>
              {t('figures.withheld', { years: pull.withheld.map((w) => w.year).join(', ') })}
            </p>
          )}
          {pull.figures.length > 0 && (
            <>
              <label>
                {t('import.section')}{' '}
                <select value={section} onChange={(e) => setSection(e.target.value as SectionId | '')}>
                  <option value="">{t('import.noTable')}</option>
                  {SECTION_IDS.map((id) => (
                    <option key={id} value={id}>
                      {sectionTitle(id, i18n.language)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => void add()}>
                {t('figures.add', { n: pull.figures.length })}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
