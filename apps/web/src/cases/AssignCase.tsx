import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountListResponse, fetchJson } from '@tern/api';
import type { TernDb } from '../device/db.ts';
import type { CaseEntry, CaseIndex } from './case-index.ts';
import { assignTo } from './case-store.ts';

/** Data officers and admins assign; the server refuses the same change from an interviewer. */
export const mayAssign = (role: string) => role === 'data_officer' || role === 'admin';

/** The mission's interviewers, asked of the server (online only: assigning is an office task). */
export async function missionInterviewers(mission: string): Promise<string[]> {
  const { users } = await fetchJson(`/api/users?mission=${encodeURIComponent(mission)}`, {
    schema: AccountListResponse,
  });
  return users
    .filter((u) => u.role === 'interviewer' && !u.disabled)
    .map((u) => u.username)
    .sort();
}

/**
 * Assign or transfer a case to one of the mission's interviewers (decision 135). The change is a case
 * revision, pushed at the next sync; the interviewer who held the case loses its personal data at
 * their next sync (decision 136).
 */
export function AssignCase(props: {
  db: TernDb;
  dataKey: CryptoKey;
  user: { username: string; role: string };
  index: CaseIndex;
  entry: CaseEntry;
  /** Tests and offline: the interviewers to offer without asking the server. */
  interviewers?: string[];
}) {
  const { t } = useTranslation('cases');
  const ids = useId();
  const [names, setNames] = useState<string[] | null>(props.interviewers ?? null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const c = props.entry.body;
  useEffect(() => {
    if (props.interviewers) return;
    let live = true;
    missionInterviewers(c.mission).then(
      (list) => live && setNames(list),
      () => live && setError(t('assign.offline')),
    );
    return () => {
      live = false;
    };
  }, [c.mission, props.interviewers, t]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const to = String(new FormData(e.currentTarget).get('to') ?? '');
    if (!to) return setError(t('assign.choose'));
    if (to === c.assignedTo) return setError(t('assign.same', { name: to }));
    setError('');
    try {
      const { row, open } = await assignTo(
        props.db,
        props.dataKey,
        {
          id: props.entry.id,
          rev: props.entry.rev,
          syncState: props.entry.syncState,
          updatedAt: props.entry.updatedAt,
          body: c,
        },
        to,
        { by: props.user.username },
      );
      props.index.put(row, open.body);
      setDone(t('assign.done', { name: to }));
    } catch (err) {
      setError(t('error', { message: (err as Error).message }));
    }
  };

  // The current holder stays in the list even if their account left the mission, so the select shows it.
  const options = [...new Set([...(names ?? []), ...(c.assignedTo ? [c.assignedTo] : [])])].sort();
  return (
    <section aria-labelledby={`${ids}-h`} className="assign-case">
      <h3 id={`${ids}-h`}>{t('assign.heading')}</h3>
      <form onSubmit={(e) => void submit(e)} key={props.entry.rev} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('assign.to')}</label>
          <select
            id={`${ids}-to`}
            name="to"
            defaultValue={c.assignedTo ?? ''}
            disabled={names === null && !error}
          >
            <option value="" />
            {options.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={names === null}>
          {c.assignedTo ? t('assign.transfer') : t('assign.assign')}
        </button>
      </form>
      {done && <p role="status">{done}</p>}
      {error && (
        <p role="alert" className="case-error">
          {error}
        </p>
      )}
    </section>
  );
}
