import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicAccount, Role } from '@tern/api';
import { adminApi } from './admin-api.ts';
import { Note } from './Note.tsx';
import { useAct, useAdminData } from './use-admin-data.ts';

const ROLES: Role[] = ['interviewer', 'data_officer', 'admin', 'researcher', 'statistician', 'relay'];
/** Roles that work in missions: a mission relay's account replicates the missions ticked (decision 194). */
const MISSION_ROLES = new Set<Role>(['interviewer', 'data_officer', 'relay']);

/**
 * Accounts: list (by mission and role), create, reset a password, disable or enable. A data officer
 * sees and creates the interviewers of their missions; the server decides every act (user.manage).
 */
export function AccountsPanel(props: { isAdmin: boolean; myMissions: string[]; me: string }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [mission, setMission] = useState('');
  const [role, setRole] = useState('');
  const missions = useAdminData(
    async () => (props.isAdmin ? (await adminApi.missions()).missions.map((m) => m.id) : props.myMissions),
    [props.isAdmin, props.myMissions],
  );
  const list = useAdminData(async () => (await adminApi.accounts(mission || undefined)).users, [mission]);
  const shown = (list.value ?? []).filter((u) => !role || u.role === role);
  const creatable = props.isAdmin ? ROLES : (['interviewer'] as Role[]);
  return (
    <section aria-labelledby={`${id}-h`} className="admin-panel">
      <h2 id={`${id}-h`}>{t('accounts.title')}</h2>
      <div className="admin-filters">
        <label>
          {t('filter.mission')}
          <select value={mission} onChange={(e) => setMission(e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {(missions.value ?? []).map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          {t('filter.role')}
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('filter.any')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Note error={list.error || missions.error} />
      <ul className="admin-cards" aria-label={t('accounts.list')}>
        {shown.map((u) => (
          <AccountRow key={u.username} user={u} me={props.me} onChanged={() => void list.reload()} />
        ))}
      </ul>
      {list.value && shown.length === 0 && <p>{t('accounts.none')}</p>}
      <NewAccount roles={creatable} missions={missions.value ?? []} onCreated={() => void list.reload()} />
    </section>
  );
}

function AccountRow(props: { user: PublicAccount; me: string; onChanged: () => void }) {
  const { t } = useTranslation('admin');
  const u = props.user;
  const { busy, note, act } = useAct();
  const [password, setPassword] = useState('');
  const id = useId();
  return (
    <li data-account={u.username} className={u.disabled ? 'retired' : undefined}>
      <strong>{u.username}</strong> · {t(`common:roles.${u.role}`)}
      {u.missions.length > 0 && <> · {u.missions.join(', ')}</>}
      {u.disabled && <span className="badge"> {t('accounts.disabled')}</span>}
      <div className="admin-actions">
        {u.username !== props.me && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(
                () => adminApi.updateAccount(u.username, { disabled: !u.disabled }),
                t(u.disabled ? 'accounts.enabled' : 'accounts.wasDisabled', { username: u.username }),
              ).then((ok) => ok && props.onChanged())
            }
          >
            {u.disabled ? t('accounts.enable') : t('accounts.disable')}
          </button>
        )}
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void act(
              () => adminApi.updateAccount(u.username, { password }),
              t('accounts.passwordReset', { username: u.username }),
            ).then((ok) => ok && setPassword(''));
          }}
        >
          <label htmlFor={`${id}-pw`}>{t('accounts.newPassword')}</label>
          <input
            id={`${id}-pw`}
            type="password"
            autoComplete="new-password"
            value={password}
            minLength={10}
            required
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {t('accounts.resetPassword')}
          </button>
        </form>
      </div>
      <Note note={note} />
    </li>
  );
}

function NewAccount(props: { roles: Role[]; missions: string[]; onCreated: () => void }) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(props.roles[0]!);
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, note, act } = useAct();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missions = MISSION_ROLES.has(role) ? chosen : [];
    void act(
      () => adminApi.createAccount({ username, password, role, missions }),
      t('accounts.created', { username }),
    ).then((ok) => {
      if (!ok) return;
      setUsername('');
      setPassword('');
      props.onCreated();
    });
  };
  return (
    <form onSubmit={submit} className="admin-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('accounts.new')}</h3>
      <label htmlFor={`${id}-u`}>{t('accounts.username')}</label>
      <input
        id={`${id}-u`}
        value={username}
        required
        autoComplete="off"
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor={`${id}-p`}>{t('accounts.password')}</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <label htmlFor={`${id}-r`}>{t('filter.role')}</label>
      <select id={`${id}-r`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {props.roles.map((r) => (
          <option key={r} value={r}>
            {t(`common:roles.${r}`)}
          </option>
        ))}
      </select>
      {MISSION_ROLES.has(role) && (
        <fieldset>
          <legend>{t('accounts.missions')}</legend>
          {props.missions.map((m) => (
            <label key={m} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(m)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, m] : chosen.filter((x) => x !== m))}
              />
              {m}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={busy}>
        {t('accounts.create')}
      </button>
      <Note note={note} />
    </form>
  );
}
