import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';
import { LoginRefused, logIn } from './login.ts';
import type { LoginResult } from './login.ts';

/**
 * Log in: online when the server answers, otherwise offline with the keys this device kept from an
 * earlier online login. `locked` names the account whose session was locked (idle or by hand).
 */
export function LoginView(props: { db: TernDb; locked: string | null; onLogin: (r: LoginResult) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(props.locked ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const r = await logIn(props.db, username.trim(), password);
      setPassword('');
      props.onLogin(r);
    } catch (err) {
      setError(
        err instanceof LoginRefused
          ? t(`login.refused.${err.reason}`, { username: username.trim(), status: err.status ?? '' })
          : t('login.failed', { message: (err as Error).message }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="app">
      <header>
        <h1>{t('appName')}</h1>
        <LanguagePicker />
      </header>
      <main>
        <form className="login" onSubmit={(e) => void submit(e)} aria-label={t('login.title')}>
          {props.locked && <p role="note">{t('login.locked')}</p>}
          <label htmlFor="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <button type="submit" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <p className="hint">{t('login.hint')}</p>
        </form>
      </main>
    </div>
  );
}
