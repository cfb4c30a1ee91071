import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GAP_PLAN_STATUSES, gapMatrix, unplannedGaps } from '@tern/profiles';
import type { Gap, GapPlan, ProfileBody } from '@tern/profiles';
import { formatNumber } from '../i18n/i18n.ts';
import type { Edit } from './EditionView.tsx';
import { newItemId } from './item-id.ts';
import { indicatorName } from './indicator-name.ts';

function PlanForm(props: { gap: Gap; edit: Edit }) {
  const { t } = useTranslation('profiles');
  const [institution, setInstitution] = useState('');
  const [action, setAction] = useState('');
  const [due, setDue] = useState('');
  const add = async () => {
    const plan: GapPlan = {
      _id: newItemId('g'),
      gap: props.gap.key,
      institution: institution.trim(),
      action: action.trim(),
      due,
      status: 'open',
    };
    if (await props.edit((d) => ({ ...d, gapPlans: [...d.gapPlans, plan] }))) {
      setInstitution('');
      setAction('');
      setDue('');
    }
  };
  return (
    <div className="profile-plan-form" role="group" aria-label={t('gaps.newPlan', { gap: props.gap.key })}>
      <label>
        {t('gaps.institution')}
        <input value={institution} onChange={(e) => setInstitution(e.target.value)} />
      </label>
      <label>
        {t('gaps.action')}
        <input value={action} onChange={(e) => setAction(e.target.value)} />
      </label>
      <label>
        {t('gaps.due')}
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={!institution.trim() || !action.trim() || !due}
        onClick={() => void add()}
      >
        {t('gaps.addPlan')}
      </button>
    </div>
  );
}

/** The indicator × year × source matrix, its gaps and stale figures, and the plans to close them. */
export function GapsView(props: { doc: ProfileBody; edit: Edit; editable: boolean }) {
  const { t } = useTranslation('profiles');
  const m = gapMatrix(props.doc, { now: new Date() });
  const unplanned = new Set(unplannedGaps(m).map((g) => g.key));
  const setStatus = (id: string, status: GapPlan['status']) =>
    props.edit((d) => ({ ...d, gapPlans: d.gapPlans.map((p) => (p._id === id ? { ...p, status } : p)) }));
  return (
    <section className="profile-gaps" aria-labelledby="profile-gaps-title">
      <h4 id="profile-gaps-title">{t('gaps.title')}</h4>
      <p className="hint">{t('gaps.intro', { years: m.staleAfterYears })}</p>
      {m.blocks.map((b) => (
        <div className="profile-scroll" key={b.indicator}>
          <table data-gap-indicator={b.indicator} tabIndex={0}>
            <caption>
              {indicatorName(b.indicator)}
              {b.stale && <strong className="profile-flag"> {t('gaps.stale')}</strong>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('gaps.source')}</th>
                {m.years.map((y) => (
                  <th scope="col" key={y}>
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r) => (
                <tr key={r.source}>
                  <th scope="row">{r.source}</th>
                  {r.cells.map((c, i) => (
                    <td key={m.years[i]} data-year={m.years[i]} className={c === null ? 'gap' : undefined}>
                      {c === null ? '' : formatNumber(c)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('gaps.coverage')}</th>
                {b.coverage.map((n, i) => (
                  <td key={m.years[i]} className={n === 0 ? 'gap missing' : undefined} data-coverage={n}>
                    {n === 0 ? t('gaps.none') : n}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ))}
      <ul className="profile-gap-list">
        {m.gaps.map((g) => (
          <li key={g.key} data-gap={g.key} data-unplanned={unplanned.has(g.key) ? 'yes' : 'no'}>
            <strong>
              {g.kind === 'missing'
                ? t('gaps.missing', { indicator: indicatorName(g.indicator), years: g.years.join(', ') })
                : t('gaps.staleSince', {
                    indicator: indicatorName(g.indicator),
                    year: g.latestYear ?? t('gaps.never'),
                  })}
            </strong>
            {unplanned.has(g.key) && <span className="profile-flag"> {t('gaps.unplanned')}</span>}
            <ul>
              {g.plans.map((p) => (
                <li key={p._id} data-plan={p._id}>
                  {t('gaps.plan', { institution: p.institution, action: p.action, due: p.due })}{' '}
                  {props.editable ? (
                    <select
                      aria-label={t('gaps.status')}
                      value={p.status}
                      onChange={(e) => void setStatus(p._id, e.target.value as GapPlan['status'])}
                    >
                      {GAP_PLAN_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`gaps.statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`gaps.statuses.${p.status}`)
                  )}
                </li>
              ))}
            </ul>
            {props.editable && <PlanForm gap={g} edit={props.edit} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
