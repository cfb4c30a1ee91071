import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '@tern/api';
import { newScenario } from './spec-model.ts';
import type { ScenarioDraft } from './spec-model.ts';

export interface Draft {
  regions: string[];
  baseYear: number;
  steps: number;
  scenarios: ScenarioDraft[];
}

const KINDS = ['scale-internal-migration', 'international-net', 'zero-migration'] as const;
const MAX_SCENARIOS = 4;

/** Regions, base year, horizon and scenarios of a run (decision 127: regions shown, all projected). */
export function SpecForm(props: { dataset: DatasetSummary; draft: Draft; onChange: (d: Draft) => void }) {
  const { t } = useTranslation('demography');
  const id = useId();
  const { draft, dataset } = props;
  const set = (patch: Partial<Draft>) => props.onChange({ ...draft, ...patch });
  const setScenario = (k: number, patch: Partial<ScenarioDraft>) =>
    set({ scenarios: draft.scenarios.map((s, i) => (i === k ? { ...s, ...patch } : s)) });
  const toggle = (g: string, on: boolean) =>
    set({ regions: dataset.states.filter((s) => (s === g ? on : draft.regions.includes(s))) });
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  return (
    <section className="demog-box" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('spec.title')}</h2>
      <fieldset>
        <legend>{t('spec.regions', { n: draft.regions.length, of: dataset.states.length })}</legend>
        <p className="hint">{t('spec.regionsHint')}</p>
        <div className="toolbar">
          <button type="button" onClick={() => set({ regions: [...dataset.states] })}>
            {t('spec.all')}
          </button>
          <button type="button" onClick={() => set({ regions: [] })}>
            {t('spec.none')}
          </button>
        </div>
        <div className="demog-regions">
          {dataset.states.map((g) => (
            <label key={g}>
              <input
                type="checkbox"
                checked={draft.regions.includes(g)}
                onChange={(e) => toggle(g, e.target.checked)}
              />{' '}
              {g}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="demog-row">
        <label>
          {t('spec.baseYear')}{' '}
          <input
            type="number"
            name="baseYear"
            value={Number.isFinite(draft.baseYear) ? draft.baseYear : ''}
            onChange={(e) => set({ baseYear: num(e.target.value) })}
          />
        </label>
        <label>
          {t('spec.steps', { width: dataset.width })}{' '}
          <input
            type="number"
            name="steps"
            min={1}
            max={20}
            value={Number.isFinite(draft.steps) ? draft.steps : ''}
            onChange={(e) => set({ steps: num(e.target.value) })}
          />
        </label>
        <span className="hint">
          {t('spec.horizon', { year: draft.baseYear + draft.steps * dataset.width })}
        </span>
      </div>
      <fieldset>
        <legend>{t('spec.scenarios')}</legend>
        <p className="hint">{t('spec.baselineHint')}</p>
        {draft.scenarios.map((s, k) => (
          <div key={k} className="demog-scenario" data-scenario-form={k}>
            <label>
              {t('spec.name')}{' '}
              <input
                name="scenarioName"
                value={s.name}
                maxLength={60}
                onChange={(e) => setScenario(k, { name: e.target.value })}
              />
            </label>
            <label>
              {t('spec.kind')}{' '}
              <select
                name="scenarioKind"
                value={s.kind}
                onChange={(e) => setScenario(k, { kind: e.target.value as ScenarioDraft['kind'] })}
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('spec.fromYear')}{' '}
              <input
                type="number"
                name="fromYear"
                value={Number.isFinite(s.fromYear) ? s.fromYear : ''}
                onChange={(e) => setScenario(k, { fromYear: num(e.target.value) })}
              />
            </label>
            {s.kind === 'scale-internal-migration' && (
              <label>
                {t('spec.factor')}{' '}
                <input
                  type="number"
                  name="factor"
                  step="0.1"
                  min={0}
                  value={Number.isFinite(s.factor) ? s.factor : ''}
                  onChange={(e) => setScenario(k, { factor: num(e.target.value) })}
                />
              </label>
            )}
            {s.kind === 'international-net' && (
              <label>
                {t('spec.total')}{' '}
                <input
                  type="number"
                  name="total"
                  step="100"
                  value={Number.isFinite(s.total) ? s.total : ''}
                  onChange={(e) => setScenario(k, { total: num(e.target.value) })}
                />
              </label>
            )}
            <button
              type="button"
              onClick={() => set({ scenarios: draft.scenarios.filter((_, i) => i !== k) })}
            >
              {t('spec.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={draft.scenarios.length >= MAX_SCENARIOS}
          onClick={() =>
            set({
              scenarios: [
                ...draft.scenarios,
                newScenario(draft.baseYear + dataset.width, draft.scenarios.length + 1),
              ],
            })
          }
        >
          {t('spec.add')}
        </button>
      </fieldset>
    </section>
  );
}
