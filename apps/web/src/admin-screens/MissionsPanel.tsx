import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mission, PublicAccount } from '@tern/api';
import { adminApi } from './admin-api.ts';
import { Note } from './Note.tsx';
import { useAct, useAdminData } from './use-admin-data.ts';

/** Missions: list, create, rename; who belongs to each mission and with which role. */
export function MissionsPanel() {
  const { t } = useTranslation('admin');
  const id = useId();
  const data = useAdminData(async () => {
    const [m, u] = await Promise.all([adminApi.missions(), adminApi.accounts()]);
    return { missions: m.missions, users: u.users };
  }, []);
  return (
    <section aria-labelledby={`${id}-h`} className="admin-panel">
      <h2 id={`${id}-h`}>{t('missions.title')}</h2>
      <Note error={data.error} />
      <ul className="admin-cards" aria-label={t('missions.list')}>
        {(data.value?.missions ?? []).map((m) => (
          <MissionRow
            key={m.id}
            mission={m}
            members={(data.value?.users ?? []).filter((u) => u.missions.includes(m.id))}
            onChanged={() => void data.reload()}
          />
        ))}
      </ul>
      <NewMission onCreated={() => void data.reload()} />
    </section>
  );
}

function MissionRow(props: { mission: Mission; members: PublicAccount[]; onChanged: () => void }) {
  const { t } = useTranslation('admin');
  const m = props.mission;
  const id = useId();
  const [name, setName] = useState(m.name);
  const { busy, note, act } = useAct();
  return (
    <li data-mission={m.id}>
      <strong>{m.name}</strong> <span className="meta">({m.id})</span>
      <details>
        <summary>{t('missions.members', { count: props.members.length })}</summary>
        <ul>
          {props.members.map((u) => (
            <li key={u.username}>
              {u.username} · {t(`common:roles.${u.role}`)}
              {u.disabled && ` · ${t('accounts.disabled')}`}
            </li>
          ))}
        </ul>
      </details>
      <form
        className="admin-inline"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void act(() => adminApi.renameMission(m.id, name), t('missions.renamed', { name })).then(
            (ok) => ok && props.onChanged(),
          );
        }}
      >
        <label htmlFor={`${id}-n`}>{t('missions.name')}</label>
        <input
          id={`${id}-n`}
          value={name}
          required
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={busy || name.trim() === m.name}>
          {t('missions.rename')}
        </button>
      </form>
      <Note note={note} />
    </li>
  );
}

function NewMission(props: { onCreated: () => void }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [missionId, setMissionId] = useState('');
  const [name, setName] = useState('');
  const { busy, note, act } = useAct();
  return (
    <form
      className="admin-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void act(
          () => adminApi.createMission(missionId, name.trim()),
          t('missions.created', { id: missionId }),
        ).then((ok) => {
          if (!ok) return;
          setMissionId('');
          setName('');
          props.onCreated();
        });
      }}
    >
      <h3 id={`${id}-h`}>{t('missions.new')}</h3>
      <label htmlFor={`${id}-i`}>{t('missions.id')}</label>
      <input
        id={`${id}-i`}
        value={missionId}
        required
        pattern="[a-z0-9][a-z0-9\-]{0,62}"
        aria-describedby={`${id}-ih`}
        onChange={(e) => setMissionId(e.target.value)}
      />
      <p id={`${id}-ih`} className="hint">
        {t('missions.idHint')}
      </p>
      <label htmlFor={`${id}-n`}>{t('missions.name')}</label>
      <input id={`${id}-n`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={busy}>
        {t('missions.create')}
      </button>
      <Note note={note} />
    </form>
  );
}
