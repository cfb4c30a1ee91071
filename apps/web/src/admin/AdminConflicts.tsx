import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '@tern/forms';
import { deviceForms } from '../forms-admin/device-forms.ts';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';
import { formatDate } from '../i18n/i18n.ts';
import { fieldLabel } from '../conflicts/field-labels.ts';
import { listConflicts, listMissions } from './conflicts-api.ts';
import type { ConflictSummary } from './conflicts-api.ts';
import { plainApiError } from './api-errors.ts';
import { ConflictDetail } from './ConflictDetail.tsx';
import { ProfileConflicts } from './ProfileConflicts.tsx';
import './admin.css';

/**
 * The admin's conflict screen: open conflicts across missions (filter by mission, form, age), and one
 * conflict's field table to decide. Loaded lazily (main.tsx) so interviewers never download it.
 */
export default function AdminConflicts(props: { onClose: () => void }) {
  const { t, i18n } = useTranslation('conflicts');
  const lang = i18n.language;
  const ids = useId();
  const [missions, setMissions] = useState<Array<{ id: string; name: string }>>([]);
  const [mission, setMission] = useState('');
  const [form, setForm] = useState('');
  const [minAge, setMinAge] = useState('');
  const [list, setList] = useState<ConflictSummary[] | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<ConflictSummary | null>(null);

  const load = useCallback(async () => {
    setError('');
    setList(null);
    try {
      setList(
        await listConflicts({
          ...(mission ? { mission } : {}),
          ...(form ? { form } : {}),
          ...(minAge !== '' ? { minAgeDays: Number(minAge) } : {}),
        }),
      );
    } catch (e) {
      setError(plainApiError(t, e));
      setList([]);
    }
  }, [mission, form, minAge, t]);

  useEffect(() => {
    void listMissions()
      .then(setMissions)
      .catch(() => setMissions([]));
  }, []);
  useEffect(() => {
    if (!open) void load();
  }, [load, open]);

  const formTitle = (key: string | null) => {
    const f = key ? deviceForms.get(key) : undefined;
    return f ? localize(f.title, lang, f.defaultLanguage) : (key ?? '');
  };

  return (
    <div className="app admin-conflicts">
      <header>
        <h1>Tern</h1>
        <span className="screen">{t('title')}</span>
        <LanguagePicker />
        <button type="button" onClick={props.onClose}>
          {t('back')}
        </button>
      </header>
      <main>
        {open ? (
          <ConflictDetail
            mission={open.mission}
            docId={open.docId}
            formTitle={formTitle(open.form)}
            onClose={() => setOpen(null)}
          />
        ) : (
          <>
            <h2>{t('title')}</h2>
            <fieldset className="filters">
              <legend>{t('filters')}</legend>
              <label htmlFor={`${ids}-m`}>{t('mission')}</label>
              <select id={`${ids}-m`} value={mission} onChange={(e) => setMission(e.target.value)}>
                <option value="">{t('all')}</option>
                {missions.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name || m.id}
                  </option>
                ))}
              </select>
              <label htmlFor={`${ids}-f`}>{t('form')}</label>
              <select id={`${ids}-f`} value={form} onChange={(e) => setForm(e.target.value)}>
                <option value="">{t('all')}</option>
                {[...deviceForms.keys()].map((k) => (
                  <option key={k} value={k}>
                    {formTitle(k)}
                  </option>
                ))}
              </select>
              <label htmlFor={`${ids}-a`}>{t('minAge')}</label>
              <input
                id={`${ids}-a`}
                type="number"
                min={0}
                max={3650}
                value={minAge}
                onChange={(e) => setMinAge(e.target.value)}
              />
            </fieldset>
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            {list === null ? (
              <p>{t('loading')}</p>
            ) : list.length === 0 ? (
              <p className="empty">{t('none')}</p>
            ) : (
              <table className="conflicts" aria-label={t('title')}>
                <thead>
                  <tr>
                    <th>{t('mission')}</th>
                    <th>{t('caseColumn')}</th>
                    <th>{t('form')}</th>
                    <th>{t('fields')}</th>
                    <th>{t('opened')}</th>
                    <th>{t('ageDays')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={`${c.mission} ${c.docId}`} data-id={c.docId} data-mission={c.mission}>
                      <td>{c.mission}</td>
                      <td className="case-code">{c.caseCode ?? t('noCase')}</td>
                      <td>{formTitle(c.form)}</td>
                      <td>{c.fields.map((p) => fieldLabel(c.form, p, lang)).join(', ')}</td>
                      <td>{formatDate(c.openedAt)}</td>
                      <td>{c.ageDays}</td>
                      <td>
                        <button type="button" onClick={() => setOpen(c)}>
                          {t('open')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ProfileConflicts />
          </>
        )}
      </main>
    </div>
  );
}
