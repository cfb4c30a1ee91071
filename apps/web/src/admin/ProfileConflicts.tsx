import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchJson } from '@tern/api';
import type { Choice } from '@tern/api';
import { SECTION_IDS, sectionTitle } from '@tern/profiles';
import type { SectionId } from '@tern/profiles';
import { formatDate } from '../i18n/i18n.ts';
import { plainApiError } from './api-errors.ts';

interface Summary {
  country: string;
  edition: number;
  id: string;
  paths: string[];
}
interface Branch {
  rev: string;
  status: string | null;
  author: string | null;
  device: string | null;
  time: string | null;
}
interface View {
  id: string;
  country: string;
  edition: number;
  branches: [Branch, Branch];
  fields: Array<{ path: string; base?: unknown; values: [unknown, unknown] }>;
  statusClash: boolean;
}
type Decision = { kind: 'pick'; side: 0 | 1 } | { kind: 'typed'; text: string };

const BASE = '/api/admin/profile-conflicts';

/** A disputed path in words: "Migration trends ¶p1 (en)" for a paragraph's text, else the path. */
export function pathLabel(path: string, lang: string): string {
  const m = /^sections\.([a-z-]+)\.paragraphs\[([^\]]+)\]\.text\.(.+)$/.exec(path);
  if (m && (SECTION_IDS as readonly string[]).includes(m[1]!))
    return `${sectionTitle(m[1] as SectionId, lang)} ¶${m[2]} (${m[3]})`;
  return path;
}

const shown = (v: unknown, empty: string) =>
  v === undefined || v === null || v === '' ? empty : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * Migration Profile conflicts (decision 213), on the admin's conflict screen: two devices changed the
 * same text of an edition offline, or moved it to different workflow steps. The admin sees both
 * versions (who, device, when, step) and decides each disputed field, or keeps one version whole when
 * the steps differ; the revisions shown are sent back, so a sync in between is refused, not overwritten.
 */
export function ProfileConflicts() {
  const { t, i18n } = useTranslation('conflicts');
  const lang = i18n.language;
  const [list, setList] = useState<Summary[] | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [keep, setKeep] = useState<0 | 1 | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      setList((await fetchJson<{ conflicts: Summary[] }>(BASE)).conflicts);
    } catch (e) {
      setError(plainApiError(t, e));
      setList([]);
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = async (c: Summary) => {
    setError('');
    setDone('');
    setDecisions({});
    setKeep(null);
    try {
      setView(await fetchJson<View>(`${BASE}/${c.country}/${c.edition}`));
    } catch (e) {
      setError(plainApiError(t, e));
    }
  };

  const choiceOf = (path: string): Choice | null => {
    const d = decisions[path];
    if (!d) return null;
    if (d.kind === 'pick') return { pick: d.side };
    return d.text.trim() === '' ? null : { value: d.text };
  };

  const resolve = async () => {
    if (!view) return;
    const revs = [view.branches[0].rev, view.branches[1].rev];
    const body =
      keep !== null
        ? { revs, keep }
        : { revs, choices: Object.fromEntries(view.fields.map((f) => [f.path, choiceOf(f.path)!])) };
    try {
      const r = await fetchJson<{ rev: string; stillOpen: boolean }>(
        `${BASE}/${view.country}/${view.edition}/resolve`,
        { json: body },
      );
      setDone(r.stillOpen ? t('stillOpen') : t('resolved', { rev: r.rev }));
      setView(null);
      await load();
    } catch (e) {
      setError(plainApiError(t, e));
    }
  };

  const complete = view
    ? keep !== null || (!view.statusClash && view.fields.every((f) => choiceOf(f.path) !== null))
    : false;

  return (
    <section className="profile-conflicts" aria-labelledby="profile-conflicts-title">
      <h2 id="profile-conflicts-title">{t('profiles.title')}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {view ? (
        <div data-profile-conflict={view.id}>
          <h3>{t('profiles.detail', { country: view.country, n: view.edition })}</h3>
          <ul className="profile-conflict-versions">
            {view.branches.map((b, i) => (
              <li key={b.rev} data-rev={b.rev}>
                <strong>{t('version', { n: i + 1 })}</strong>: {t('by', { author: b.author ?? t('unknown') })}
                , {b.device ?? t('unknown')}, {b.time ? formatDate(b.time) : t('unknown')} ·{' '}
                {t('profiles.step', { status: b.status ?? '?' })}
              </li>
            ))}
          </ul>
          {view.statusClash ? (
            <p className="hint">{t('profiles.statusClash')}</p>
          ) : (
            <table className="conflicts">
              <thead>
                <tr>
                  <th scope="col">{t('fields')}</th>
                  <th scope="col">{t('ancestor')}</th>
                  <th scope="col">{t('version', { n: 1 })}</th>
                  <th scope="col">{t('version', { n: 2 })}</th>
                  <th scope="col">{t('decision')}</th>
                </tr>
              </thead>
              <tbody>
                {view.fields.map((f) => {
                  const d = decisions[f.path];
                  const set = (next: Decision) => {
                    setKeep(null);
                    setDecisions((all) => ({ ...all, [f.path]: next }));
                  };
                  const label = pathLabel(f.path, lang);
                  return (
                    <tr key={f.path} data-path={f.path}>
                      <th scope="row">{label}</th>
                      <td>{shown(f.base, t('empty'))}</td>
                      {f.values.map((v, i) => (
                        <td key={i}>{shown(v, t('empty'))}</td>
                      ))}
                      <td className="decision">
                        {([0, 1] as const).map((side) => (
                          <label key={side}>
                            <input
                              type="radio"
                              name={`p-${f.path}`}
                              checked={d?.kind === 'pick' && d.side === side}
                              onChange={() => set({ kind: 'pick', side })}
                            />{' '}
                            {t('keep', { n: side + 1 })}
                          </label>
                        ))}
                        <label>
                          <input
                            type="radio"
                            name={`p-${f.path}`}
                            checked={d?.kind === 'typed'}
                            onChange={() => set({ kind: 'typed', text: d?.kind === 'typed' ? d.text : '' })}
                          />{' '}
                          {t('typeValue')}
                        </label>
                        {d?.kind === 'typed' && (
                          <textarea
                            aria-label={t('newValue', { field: label })}
                            value={d.text}
                            onChange={(e) => set({ kind: 'typed', text: e.target.value })}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <fieldset>
            <legend>{t('profiles.orWhole')}</legend>
            {([0, 1] as const).map((side) => (
              <label key={side}>
                <input
                  type="radio"
                  name="keep-whole"
                  checked={keep === side}
                  onChange={() => {
                    setDecisions({});
                    setKeep(side);
                  }}
                />{' '}
                {t('profiles.keepWhole', { n: side + 1 })}
              </label>
            ))}
          </fieldset>
          <p>
            <button type="button" disabled={!complete} onClick={() => void resolve()}>
              {t('confirmYes')}
            </button>{' '}
            <button type="button" onClick={() => setView(null)}>
              {t('backToList')}
            </button>{' '}
            {!complete && <span className="hint">{t('chooseAll')}</span>}
          </p>
        </div>
      ) : list === null ? (
        <p>{t('loading')}</p>
      ) : list.length === 0 ? (
        <p className="empty">{t('profiles.none')}</p>
      ) : (
        <table className="conflicts" aria-label={t('profiles.title')}>
          <thead>
            <tr>
              <th scope="col">{t('profiles.edition')}</th>
              <th scope="col">{t('fields')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} data-id={c.id}>
                <td>{t('profiles.detail', { country: c.country, n: c.edition })}</td>
                <td>{c.paths.map((p) => pathLabel(p, lang)).join(', ')}</td>
                <td>
                  <button type="button" onClick={() => void open(c)}>
                    {t('open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
