import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/i18n.ts';
import { answerText, fieldLabel, parseTyped, questionAt } from '../conflicts/field-labels.ts';
import { getConflict, resolveConflict } from './conflicts-api.ts';
import type { Choice, ConflictDetail as Detail, Resolved } from './conflicts-api.ts';
import { ApiError } from '@tern/api';
import { plainApiError } from './api-errors.ts';

type Decision = { kind: 'pick'; side: 0 | 1 } | { kind: 'typed'; text: string };

/**
 * One conflict: for every answer both sides changed, the ancestor's value and each version's value
 * with who, on which device and when; the admin keeps a version or types a value per answer, then
 * resolves after a confirmation. The leaf revisions shown are sent back, so a sync that happened in
 * between is refused (TERN_CONFLICT_CHANGED) instead of being overwritten.
 */
export function ConflictDetail(props: {
  mission: string;
  docId: string;
  /** The record's form title in the UI language (the list knows it before the detail loads). */
  formTitle: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('conflicts');
  const lang = i18n.language;
  const [detail, setDetail] = useState<Detail | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null);
  const [done, setDone] = useState<Resolved | null>(null);

  const load = useCallback(async () => {
    setError(null);
    setDone(null);
    setConfirming(false);
    setDecisions({});
    try {
      setDetail(await getConflict(props.mission, props.docId));
    } catch (e) {
      setDetail(null);
      setError({ text: plainApiError(t, e), stale: true });
    }
  }, [props.mission, props.docId, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const form = detail?.form ?? null;
  const show = (path: string, v: unknown) => answerText(form, path, v, lang) || t('empty');
  const label = (path: string) => fieldLabel(form, path, lang);

  const choiceOf = (path: string): Choice | null => {
    const d = decisions[path];
    if (!d) return null;
    if (d.kind === 'pick') return { pick: d.side };
    if (d.text.trim() === '') return null;
    return { value: parseTyped(questionAt(form, path), d.text) };
  };
  const complete = detail !== null && detail.fields.every((f) => choiceOf(f.path) !== null);

  const resolve = async () => {
    if (!detail) return;
    setBusy(true);
    setError(null);
    try {
      const choices = Object.fromEntries(detail.fields.map((f) => [f.path, choiceOf(f.path)!]));
      const revs: [string, string] = [detail.branches[0]!.rev, detail.branches[1]!.rev];
      setDone(await resolveConflict(detail.mission, detail.docId, revs, choices));
    } catch (e) {
      const stale = e instanceof ApiError && ['TERN_CONFLICT_CHANGED', 'TERN_NOT_FOUND'].includes(e.code);
      setError({ text: plainApiError(t, e), stale });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const answers = (detail?.merged.answers ?? {}) as Record<string, unknown>;
  // People, not ids (issue 16): the case code and name the server found, else the name in the form.
  const person = detail?.person ?? (typeof answers.full_name === 'string' ? answers.full_name : null);
  const heading = [
    props.formTitle,
    detail?.caseCode ? t('caseCode', { code: detail.caseCode }) : t('noCase'),
    person,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <section className="conflict-detail" aria-label={heading} data-id={props.docId}>
      <button type="button" onClick={props.onClose}>
        {t('backToList')}
      </button>
      <h2>
        <bdi>{heading}</bdi>
      </h2>
      <p>{t('inMission', { mission: props.mission })}</p>
      {error && (
        <p className="error" role="alert">
          {error.text}{' '}
          {error.stale && (
            <button type="button" onClick={() => void load()}>
              {t('reload')}
            </button>
          )}
        </p>
      )}
      {done && (
        <p className="resolved" role="status" data-rev={done.rev}>
          {done.stillOpen ? t('stillOpen') : t('resolved', { rev: done.rev })}{' '}
          {done.stillOpen && (
            <button type="button" onClick={() => void load()}>
              {t('reload')}
            </button>
          )}
        </p>
      )}
      {detail && !done && (
        <>
          <p>{t('mergedNote')}</p>
          <table className="conflict-fields" aria-label={t('fields')}>
            <thead>
              <tr>
                <th>{t('field')}</th>
                <th>{t('ancestor')}</th>
                {detail.branches.map((b, i) => (
                  <th key={b.rev} data-rev={b.rev}>
                    {t('version', { n: i + 1 })}
                    <div className="meta">
                      {t('by', { author: b.author ?? t('unknown') })}
                      <br />
                      {typeof b.deviceNumber === 'number'
                        ? t('onDevice', { device: b.deviceNumber })
                        : t('unregisteredDevice')}
                      <br />
                      {b.time ? formatDate(b.time) : t('unknown')}
                    </div>
                  </th>
                ))}
                <th>{t('decision')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.fields.map((f) => {
                const d = decisions[f.path];
                const set = (next: Decision) => setDecisions((all) => ({ ...all, [f.path]: next }));
                const name = `pick-${f.path}`;
                return (
                  <tr key={f.path} data-path={f.path}>
                    <th scope="row">{label(f.path)}</th>
                    <td className="ancestor">{show(f.path, f.base)}</td>
                    {f.values.map((v, i) => (
                      <td key={i} className={d?.kind === 'pick' && d.side === i ? 'branch picked' : 'branch'}>
                        {show(f.path, v)}
                      </td>
                    ))}
                    <td className="decision">
                      {([0, 1] as const).map((side) => (
                        <label key={side}>
                          <input
                            type="radio"
                            name={name}
                            checked={d?.kind === 'pick' && d.side === side}
                            onChange={() => set({ kind: 'pick', side })}
                          />{' '}
                          {t('keep', { n: side + 1 })}
                        </label>
                      ))}
                      <label>
                        <input
                          type="radio"
                          name={name}
                          checked={d?.kind === 'typed'}
                          onChange={() => set({ kind: 'typed', text: d?.kind === 'typed' ? d.text : '' })}
                        />{' '}
                        {t('typeValue')}
                      </label>
                      {d?.kind === 'typed' && (
                        <input
                          type="text"
                          aria-label={t('newValue', { field: label(f.path) })}
                          value={d.text}
                          autoFocus
                          onChange={(e) => set({ kind: 'typed', text: e.target.value })}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {confirming ? (
            <div className="confirm" role="alertdialog" aria-label={t('confirm')}>
              <p>{t('confirm')}</p>
              <ul>
                {detail.fields.map((f) => {
                  const c = choiceOf(f.path)!;
                  return (
                    <li key={f.path}>
                      {label(f.path)}:{' '}
                      {'pick' in c
                        ? `${show(f.path, f.values[c.pick])} (${t('version', { n: c.pick + 1 })})`
                        : show(f.path, c.value)}
                    </li>
                  );
                })}
              </ul>
              <button type="button" disabled={busy} onClick={() => void resolve()}>
                {t('confirmYes')}
              </button>{' '}
              <button type="button" autoFocus onClick={() => setConfirming(false)}>
                {t('confirmNo')}
              </button>
            </div>
          ) : (
            <p>
              <button type="button" disabled={!complete} onClick={() => setConfirming(true)}>
                {t('resolve')}
              </button>{' '}
              {!complete && <span className="hint">{t('chooseAll')}</span>}
            </p>
          )}
        </>
      )}
    </section>
  );
}
