import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../app/PageHeader.tsx';
import { formatDate } from '../i18n/i18n.ts';
import { plainError } from '../i18n/plain-error.ts';
import { type Decision, type MatchPair, decidePair, listPairs, unlinkPair } from './matching-api.ts';
import './matching.css';

const DECISIONS: readonly Decision[] = ['same', 'different', 'unsure'];

/** One side of a pair: the name as the mission wrote it (any script), its code, mission and dates. */
function Side(props: { side: MatchPair['a'] }) {
  const { t } = useTranslation('matching');
  const s = props.side;
  return (
    <div className="match-side" data-mission={s.mission}>
      <p className="match-name" dir="auto">
        {s.fullName}
      </p>
      <p>
        {t('mission', { mission: s.mission })} · {t('code', { code: s.code })}
      </p>
      <p>
        {t('born', { date: s.birthDate ?? t('unknown') })} ·{' '}
        {t('opened', { date: formatDate(s.createdAt, { dateStyle: 'medium' }) })}
      </p>
      {s.placeOfBirth !== undefined && <p dir="auto">{t('place', { place: s.placeOfBirth })}</p>}
      {s.parentsFamilyNames !== undefined && (
        <p dir="auto">{t('parents', { names: s.parentsFamilyNames.join(', ') })}</p>
      )}
    </div>
  );
}

/** A candidate pair side by side, the evidence per field, and the reviewer's three answers. */
function PairCard(props: { pair: MatchPair; onDone: () => void; onError: (message: string) => void }) {
  const { t } = useTranslation('matching');
  const p = props.pair;
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      props.onDone();
    } catch (e) {
      props.onError(plainError(e, () => undefined));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="match-pair" data-pair={p.id} data-decision={p.decision ?? 'open'}>
      <p className="match-score">
        {t('probability', { percent: Math.round(p.probability * 1000) / 10 })}
        {p.strong && <span className="badge">{t('strong')}</span>}
        {p.linked && <span className="badge linked">{t('linked')}</span>}
        {p.decision && !p.linked && <span className="badge">{t(`decision.${p.decision}`)}</span>}
      </p>
      <div className="match-sides">
        <Side side={p.a} />
        <Side side={p.b} />
      </div>
      <table className="match-evidence" aria-label={t('evidence')}>
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('level')}</th>
            <th scope="col">{t('weight')}</th>
          </tr>
        </thead>
        <tbody>
          {p.fields.map((f) => (
            <tr key={f.field} data-weight={f.weight > 0 ? 'for' : f.weight < 0 ? 'against' : 'none'}>
              <td>{t(`fields.${f.field}`, { defaultValue: f.field })}</td>
              <td>{f.level}</td>
              <td>{f.weight.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="match-actions">
        {p.linked ? (
          <button type="button" disabled={busy} onClick={() => void act(() => unlinkPair(p.id))}>
            {t('unlink')}
          </button>
        ) : (
          DECISIONS.map((d) => (
            <button
              type="button"
              key={d}
              data-decide={d}
              disabled={busy}
              onClick={() => void act(() => decidePair(p, d))}
            >
              {t(`decide.${d}`)}
            </button>
          ))
        )}
      </div>
    </li>
  );
}

/** The admin's review queue of matching across missions (issue 20): loaded only when opened. */
export default function MatchQueue(props: {
  username: string;
  role: string;
  onClose: () => void;
  onLock: () => void;
  onLogout: () => Promise<void>;
}) {
  const { t } = useTranslation('matching');
  const [all, setAll] = useState(false);
  const [pairs, setPairs] = useState<MatchPair[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    setError('');
    listPairs(all).then(setPairs, (e: unknown) => setError(plainError(e, () => undefined)));
  }, [all]);
  useEffect(load, [load]);
  return (
    <div className="app match-queue">
      <PageHeader {...props} title={t('title')} backLabel={t('back')} />
      <main>
        <p>{t('explain')}</p>
        <label className="match-filter">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('showDecided')}
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {pairs === null && !error && <p>{t('loading')}</p>}
        {pairs?.length === 0 && <p className="empty">{t('none')}</p>}
        {pairs && pairs.length > 0 && (
          <ul className="match-pairs">
            {pairs.map((p) => (
              <PairCard key={p.id} pair={p} onDone={load} onError={setError} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
